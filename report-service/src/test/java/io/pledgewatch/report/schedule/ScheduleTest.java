package io.pledgewatch.report.schedule;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.report.support.ScheduleProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cron that fires every second: one briefing per firing, each for its own period. */
@QuarkusTest
@TestProfile(ScheduleProfile.class)
class ScheduleTest {

    @Test
    void everyFiringProducesExactlyOneBriefingForItsPeriod() throws Exception {
        Thread.sleep(6500);
        List<Map<String, Object>> scheduled = given().auth().oauth2(TestTokens.staff()).get("/api/v1/briefings").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.trigger == 'SCHEDULED' }");
        assertTrue(scheduled.size() >= 3, "fired about once a second: " + scheduled.size());
        Set<String> periods = new HashSet<>();
        for (Map<String, Object> b : scheduled) {
            assertTrue(periods.add((String) b.get("period")), "one briefing per period: " + b.get("period"));
            assertEquals(0, Instant.parse((String) b.get("period")).getNano(), "a period is a cron second");
        }
    }

    @Test
    void aBadCronIsRefusedWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BriefingSchedule.parse("0 0 25 * * ?"));
        assertTrue(e.getMessage().contains("pledgewatch.briefing.cron"), e.getMessage());
        assertTrue(e.getMessage().contains("PLEDGEWATCH_BRIEFING_CRON"), e.getMessage());
    }

    @Test
    void afterDowntimeOnlyTheLatestMissedPeriodIsCaughtUp() {
        var weekly = BriefingSchedule.parse("0 0 6 ? * MON");
        // Down from Sunday 2026-11-01 to Wednesday 2026-11-25: three Mondays missed, one period to catch up.
        assertEquals(Instant.parse("2026-11-23T06:00:00Z"),
                BriefingSchedule.lastPeriod(weekly, Instant.parse("2026-11-25T10:00:00Z")).orElseThrow());
    }
}
