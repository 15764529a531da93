package io.pledgewatch.report.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.cfg.AvailableSettings;

/** Messages to send (table {@code delivery}). */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepository<Delivery> {

    /** The lock timeout that makes a pessimistic lock skip rows another transaction holds (FOR UPDATE SKIP LOCKED). */
    private static final int SKIP_LOCKED = -2;

    /**
     * Locks the next delivery due at {@code now} (new, failed and past its back-off, or abandoned under an expired
     * lease) until the transaction ends, skipping those another replica has locked.
     */
    public Optional<Delivery> lockNextDue(Instant now) {
        return getEntityManager().createQuery("from Delivery d where (d.status in :waiting and d.nextAttemptAt <= :now)"
                        + " or (d.status = :sending and d.leaseUntil < :now) order by d.id", Delivery.class)
                .setParameter("waiting", List.of(Delivery.Status.PENDING, Delivery.Status.FAILED))
                .setParameter("sending", Delivery.Status.SENDING).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, SKIP_LOCKED)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
