package io.pledgewatch.report.support;

import java.util.HashMap;
import java.util.Map;

/** As {@link MailProfile}, with no pooled SMTP connections: every message opens (and greets on) a new one. */
public class FreshConnectionMailProfile extends MailProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.mailer.keep-alive", "false");
        overrides.put("pledgewatch.mail.send-timeout", "PT10S");
        return overrides;
    }
}
