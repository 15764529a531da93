package io.pledgewatch.e2e;

import org.junit.jupiter.api.Test;

/** The production build: each service on its own PostgreSQL database. */
class JourneyOnPostgresIT extends JourneyTest {

    @Test
    void theWholeJourneyOnPostgres() throws Exception {
        journey(Suite.Db.POSTGRES);
    }
}
