package io.pledgewatch.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * What every service configures the same way. A service's own settings live in its own mapping under the same
 * {@code pledgewatch} prefix; the wording of refusals is set per service in its application.properties. Between
 * them the mappings cover every {@code pledgewatch.*} key, so a misspelt setting fails start-up instead of being
 * ignored.
 */
@ConfigMapping(prefix = "pledgewatch")
public interface PlatformConfig {

    /** The bearer token (role {@code service}) this service shows others: PLEDGEWATCH_SERVICE_TOKEN. */
    @WithName("service-token")
    Optional<String> serviceToken();

    /** Or a file a secret mount keeps current, re-read when it changes: PLEDGEWATCH_SERVICE_TOKEN_FILE. */
    @WithName("service-token.file")
    Optional<String> serviceTokenFile();

    /** Where the embedded default keeps its files (keys, the service token); the launcher sets it. */
    @WithDefault("data")
    String dataDir();

    Api api();

    interface Api {
        /** What this service's data is called when a caller may not see it ("LTU's submissions"). */
        @WithDefault("data")
        String dataNoun();

        /** The title of a 422 refusal of invalid content ("Invalid submission"). */
        @WithDefault("Invalid request")
        String invalidTitle();

        /** The media types this service's writes take, named when a write arrives without a Content-Type. */
        @WithDefault("application/json")
        String writeMediaTypes();

        /** A JSON request body larger than this is refused (413) before it is read. */
        @WithDefault("65536")
        long jsonBodyBytes();
    }
}
