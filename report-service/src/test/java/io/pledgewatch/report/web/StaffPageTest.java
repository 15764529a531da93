package io.pledgewatch.report.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestTokens;
import io.pledgewatch.report.support.WebProfile;
import io.pledgewatch.report.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The staff page's sign-in on the embedded default (the development login) and the parts of the provider
 * sign-in that need no provider. The provider flow itself runs against Keycloak in e2e (StaffSignInIT).
 */
@QuarkusTest
@TestProfile(WebProfile.class)
class StaffPageTest {

    @Test
    void theDevelopmentLoginGivesAStaffSessionThatLogoutEnds() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(allOf(containsString("id=\"password\""),
                not(containsString("provider-sign-in"))));

        WebSession browser = new WebSession(null);
        browser.get("/login");
        browser.form().formParam("csrf-token", browser.csrfField()).formParam("password", "wrong").post("/login")
                .then().statusCode(303).header("Location", endsWith("/login?error=password"));
        given().get("/login?error=password").then().body(containsString("That password is not right."));

        Response in = browser.form().formParam("csrf-token", browser.csrfField()).formParam("password", WebProfile.PASSWORD)
                .post("/login");
        assertEquals(303, in.statusCode());
        String cookie = in.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("pw_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.startsWith("pw_session=ey"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=28800"), cookie);
        String session = in.getCookie("pw_session");

        given().cookie("pw_session", session).get("/briefings").then().statusCode(200)
                .body(allOf(containsString("staff:staff (development login)"), containsString("id=\"briefings\"")));
        // The session is a staff token like any other: the API accepts it too.
        given().cookie("pw_session", session).get("/api/v1/briefings").then().statusCode(200);

        WebSession signedIn = new WebSession(session);
        signedIn.get("/briefings");
        Response out = signedIn.form().formParam("csrf-token", signedIn.csrfField()).post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.getHeader("Location").endsWith("/login"), "no provider to sign out of here");
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("pw_session=;") && c.contains("Max-Age=0")),
                out.getHeaders().getValues("Set-Cookie").toString());
    }

    @Test
    void aForgedOrExpiredSessionLeadsBackToTheLogin() {
        String expired = TestTokens.sign("analyst@is", "staff", null, -120);
        given().redirects().follow(false).cookie("pw_session", expired).get("/")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie("pw_session", "not-a-token").get("/")
                .then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void aDelegationSessionSeesAForbiddenPageAndCannotCommission() {
        String delegation = TestTokens.delegation("LTU");
        WebSession browser = new WebSession(delegation);
        browser.get("/briefings").then().statusCode(403)
                .body(allOf(containsString("delegation:officer@ltu"), not(containsString("id=\"briefings\""))));
        browser.form().formParam("csrf-token", browser.csrfField()).formParam("country", "LTU").post("/web/briefings")
                .then().statusCode(403);
    }

    @Test
    void aCrossSiteCommissionIsRefused() {
        // A cross-site form can send the session cookie (in browsers that ignore SameSite) but not the form's token.
        given().redirects().follow(false).cookie("pw_session", TestTokens.staff()).header("Origin", "https://evil.example")
                .formParam("country", "").post("/web/briefings").then().statusCode(400);
    }

    @Test
    void aRefusalByTheProviderIsShownEscapedOnTheLoginPage() {
        given().queryParam("error", "access_denied").queryParam("error_description", "<script>x</script> denied")
                .get("/login").then().statusCode(200)
                .body(allOf(containsString("did not succeed: &lt;script&gt;x&lt;/script&gt; denied"), not(containsString("<script>x"))));
    }

    @Test
    void withoutAProviderTheProviderPathsRefuseCleanly() {
        given().redirects().follow(false).get("/oidc/login").then().statusCode(401);
        given().redirects().follow(false).get("/oidc/sign-out").then().statusCode(303).header("Location", endsWith("/login"));
    }
}
