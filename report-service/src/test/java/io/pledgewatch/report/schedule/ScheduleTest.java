package io.pledgewatch.report.schedule;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cronutils.model.time.ExecutionTime;
import io.pledgewatch.report.ReportConfig;
import io.pledgewatch.report.support.ScheduleProfile;
import io.pledgewatch.report.support.StaffApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cron that fires every other second: one briefing per firing, each for the period it was scheduled for. */
@QuarkusTest
@TestProfile(ScheduleProfile.class)
class ScheduleTest {

    @Inject
    ReportConfig config;

    @Test
    void everyFiringProducesExactlyOneBriefingForItsPeriod() {
        List<Map<String, Object>> scheduled = await("three firings").atMost(StaffApi.PATIENCE)
                .until(ScheduleTest::scheduledBriefings, list -> list.size() >= 3);
        ExecutionTime cron = BriefingSchedule.parse(config.briefing().cron());
        Set<String> periods = new HashSet<>();
        for (Map<String, Object> b : scheduled) {
            String period = (String) b.get("period");
            assertTrue(periods.add(period), "one briefing per period: " + period);
            assertTrue(cron.isMatch(Instant.parse(period).atZone(ZoneOffset.UTC)),
                    "a period is a time the cron fires at, not when the firing ran: " + period);
        }
    }

    static List<Map<String, Object>> scheduledBriefings() {
        return given().auth().oauth2(StaffApi.STAFF).get("/api/v1/briefings").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.trigger == 'SCHEDULED' }");
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
