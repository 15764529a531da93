package io.pledgewatch.report.support;

import java.util.HashMap;
import java.util.Map;

/** As {@link MailProfile}, with an attachment limit far below any briefing's size: messages link to the PDF. */
public class LinkOnlyMailProfile extends MailProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("pledgewatch.mail.attach-max-bytes", "1000");
        return overrides;
    }
}
