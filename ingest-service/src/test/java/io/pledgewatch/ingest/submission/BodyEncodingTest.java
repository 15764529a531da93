package io.pledgewatch.ingest.submission;

import static io.pledgewatch.ingest.support.SubmissionJson.aSubmission;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.ingest.support.PostgresProfile;
import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A JSON body is read only as what it must be: UTF-8 (RFC 8259 §8.1), uncompressed. Anything else is refused with
 * 415 naming the header or the body, and nothing is stored. (A CSV import is decoded by the charset it declares.)
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class BodyEncodingTest {

    private static final String LUX = TestTokens.delegation("LUX");

    private static byte[] json(Charset charset) throws Exception {
        return new ObjectMapper().writeValueAsString(aSubmission().build()).getBytes(charset);
    }

    /** Sends the bytes as they are: rest-assured must not re-encode them or add a charset of its own. */
    private static RequestSpecification raw(String contentType) {
        return given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(LUX).contentType(contentType);
    }

    private static void assertNothingStored(String path) {
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/submissions/" + path).then().statusCode(404);
    }

    @Test
    void utf16JsonWithoutACharsetParameterIsRefused() throws Exception {
        raw("application/json").body(json(StandardCharsets.UTF_16LE)).put("/api/v1/submissions/LUX/2030")
                .then().statusCode(415).contentType("application/problem+json")
                .body("field", equalTo("body")).body("detail", containsString("UTF-8"));
        raw("application/json").body(json(StandardCharsets.UTF_16)).put("/api/v1/submissions/LUX/2030")
                .then().statusCode(415).body("field", equalTo("body"));
        assertNothingStored("LUX/2030");
    }

    @Test
    void aCharsetOtherThanUtf8IsRefusedWhateverTheBytes() throws Exception {
        raw("application/json; charset=utf-16").body(json(StandardCharsets.UTF_16)).put("/api/v1/submissions/LUX/2031")
                .then().statusCode(415).contentType("application/problem+json")
                .body("field", equalTo("Content-Type")).body("detail", containsString("utf-16"));
        raw("application/json; charset=ISO-8859-1").body(json(StandardCharsets.ISO_8859_1))
                .put("/api/v1/submissions/LUX/2031").then().statusCode(415).body("field", equalTo("Content-Type"));
        assertNothingStored("LUX/2031");
    }

    @Test
    void utf8WithAnExplicitCharsetIsAccepted() throws Exception {
        raw("application/json; charset=UTF-8").body(json(StandardCharsets.UTF_8)).put("/api/v1/submissions/LUX/2032")
                .then().statusCode(201);
    }

    @Test
    void aBodyAnnouncedAsGzipIsRefusedNotReadAsPlain() throws Exception {
        raw("application/json").header("Content-Encoding", "gzip").body(json(StandardCharsets.UTF_8))
                .put("/api/v1/submissions/LUX/2033")
                .then().statusCode(415).contentType("application/problem+json")
                .body("field", equalTo("Content-Encoding"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json(StandardCharsets.UTF_8));
        }
        raw("application/json").header("Content-Encoding", "gzip").body(gz.toByteArray())
                .put("/api/v1/submissions/LUX/2033").then().statusCode(415).body("field", equalTo("Content-Encoding"));
        assertNothingStored("LUX/2033");
    }
}
