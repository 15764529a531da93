package io.pledgewatch.e2e;

import org.junit.jupiter.api.Test;

/** The embedded default: each service on its own H2 file database, as ./pledgewatch up runs them. */
class JourneyOnH2IT extends JourneyTest {

    @Test
    void theWholeJourneyOnTheEmbeddedDefault() throws Exception {
        journey(Suite.Db.H2);
    }
}
