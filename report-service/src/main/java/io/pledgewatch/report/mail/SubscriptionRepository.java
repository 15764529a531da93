package io.pledgewatch.report.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Who receives the scheduled Alliance briefing (table {@code subscription}, keyed by address). */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, String> {

    /** Every subscription, by address. */
    public List<Subscription> byAddress() {
        return listAll(Sort.ascending("email"));
    }
}
