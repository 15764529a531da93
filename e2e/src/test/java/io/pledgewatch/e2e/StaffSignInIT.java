package io.pledgewatch.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestTokens;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production staff sign-in: report-service configured as operators configure it, against a real OIDC provider
 * (Keycloak, test realm), through the authorization code flow with PKCE. The provider's login form is filled in
 * and submitted as a browser would; the last test drives the same flow in headless Chromium.
 */
class StaffSignInIT {

    private static final String ANALYST = "analyst";
    private static final String ANALYST_PASSWORD = "analyst-test-password";

    private static Keycloak keycloak;
    private static Suite suite;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Suite.newDirectory();
        keycloak = Keycloak.start(dir);
        List<String> report = new ArrayList<>(keycloak.reportProperties());
        report.add("pledgewatch.web.dev-login.enabled=false");
        // Tokens here live 30 s; a 60-s clock-skew allowance (the default) would keep expired ones valid for a minute.
        report.add("mp.jwt.verify.clock.skew=1");
        suite = Suite.start("0 0 6 ? * MON", dir, report);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void anonymousVisitorsAreOfferedTheProviderAndNothingElse() {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.getOnce(suite.report.url() + "/");
        assertEquals(303, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElseThrow().endsWith("/login"));
        Browser.Page login = browser.get(suite.report.url() + "/login");
        assertTrue(login.body().contains("href=\"/oidc/login\""), login.body());
        assertFalse(login.body().contains("id=\"password\""), "no development login in production");
        // A password posted anyway is refused (no form here issued it a CSRF token, and the door is not there), and
        // no session comes of it.
        int posted = browser.submit(URI.create(suite.report.url() + "/login"), Map.of("password", "x"), null).status();
        assertTrue(posted == 400 || posted == 404, "a password posted in production: " + posted);
        assertTrue(browser.cookie("pw_session").isEmpty());
        assertEquals(401, Http.get(suite.report.url() + "/api/v1/briefings", null).status());
    }

    @Test
    void staffSignInCommissionAndDownload() throws Exception {
        Browser browser = new Browser();
        Browser.Page home = signIn(browser, ANALYST, ANALYST_PASSWORD);
        assertEquals(200, home.status(), home.body());
        assertEquals(URI.create(suite.report.url() + "/"), home.url());
        assertTrue(home.body().contains("staff:" + ANALYST), "the page names who is signed in");
        assertTrue(home.body().contains("id=\"counts\""), "the overview");
        assertTrue(home.hops().stream().anyMatch(u -> u.toString().startsWith(keycloak.issuer())), "went through the provider");
        assertTrue(home.hops().stream().anyMatch(u -> u.getQuery() != null && u.getQuery().contains("code_challenge=")), "PKCE");
        var session = browser.cookie("pw_session").orElseThrow();
        assertTrue(session.isHttpOnly());

        Browser.Page list = browser.get(suite.report.url() + "/briefings");
        Browser.Page commissioned = browser.submit(URI.create(suite.report.url() + "/web/briefings"),
                Map.of("country", "", "csrf-token", csrfToken(list)), suite.report.url());
        assertEquals(200, commissioned.status());
        Matcher id = Pattern.compile("Briefing (\\d+) commissioned").matcher(commissioned.body());
        assertTrue(id.find(), commissioned.body());
        String pdfPath = awaitDownloadLink(browser, id.group(1));
        byte[] pdf = browser.download(suite.report.url() + pdfPath);
        assertTrue(JourneyIT.text(pdf).contains("Methodology"));

        // The provider's token is this service's token: it works as a bearer token too.
        String token = browser.cookie("pw_session").orElseThrow().getValue();
        JsonNode meta = Http.get(suite.report.url() + "/api/v1/briefings/" + id.group(1), token).json();
        assertEquals("staff:" + ANALYST, meta.get("requestedBy").asText());
        assertEquals("READY", meta.get("status").asText());
    }

    @Test
    void aWrongPasswordGetsNoSession() {
        Browser browser = new Browser();
        Browser.Page form = browser.get(suite.report.url() + "/oidc/login");
        Browser.Page refused = browser.submit(form.formAction("kc-form-login"),
                Map.of("username", ANALYST, "password", "not-" + ANALYST_PASSWORD), null);
        assertTrue(refused.url().toString().startsWith(keycloak.issuer()), "still at the provider: " + refused.url());
        assertTrue(refused.body().contains("Invalid username or password"), refused.body());
        assertTrue(browser.cookie("pw_session").isEmpty());
        assertEquals(303, browser.getOnce(suite.report.url() + "/").statusCode());
    }

    @Test
    void signedInWithoutTheStaffRoleSeesNoBriefing() {
        // Configured for the provider, the service trusts no other issuer, even with the staff role.
        assertEquals(401, Http.get(suite.report.url() + "/api/v1/briefings", TestTokens.staff()).status());

        Browser browser = new Browser();
        Browser.Page home = signIn(browser, "ltu-delegate", "delegate-test-password");
        assertEquals(403, home.status());
        assertTrue(home.body().contains("delegation:ltu-delegate"), home.body());
        assertFalse(home.body().contains("id=\"briefings\""));
        String token = browser.cookie("pw_session").orElseThrow().getValue();
        assertEquals(403, Http.get(suite.report.url() + "/api/v1/briefings", token).status());
        assertEquals(403, Http.postJson(suite.report.url() + "/api/v1/briefings", token, "{}").status());
    }

    @Test
    void aDelegationSignedInThroughTheProviderSeesItsOwnNationAndNoOther() {
        // The provider gives the delegation's nation in the claim 'country' (the realm maps a user attribute).
        Browser browser = new Browser();
        Browser.Page home = signIn(browser, "est-delegate", "delegate-test-password");
        assertEquals(200, home.status(), home.body());
        assertTrue(home.url().getPath().equals("/nations/EST"), "a delegation's home is its nation: " + home.url());
        assertTrue(home.body().contains("Estonia"), home.body());
        assertEquals(403, browser.get(suite.report.url() + "/nations/LTU").status());
        assertEquals(403, browser.get(suite.report.url() + "/plans").status());
        assertEquals(403, browser.get(suite.report.url() + "/briefings").status());
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        Browser browser = new Browser();
        assertEquals(200, signIn(browser, ANALYST, ANALYST_PASSWORD).status());
        Browser.Page out = browser.submit(URI.create(suite.report.url() + "/logout"),
                Map.of("csrf-token", csrfToken(browser.get(suite.report.url() + "/briefings"))), suite.report.url());
        assertEquals(URI.create(suite.report.url() + "/login"), URI.create(out.url().toString().replaceAll("\\?.*", "")), out.hops().toString());
        assertTrue(out.hops().stream().anyMatch(u -> u.getPath().endsWith("/protocol/openid-connect/logout")), out.hops().toString());
        assertTrue(browser.cookie("pw_session").isEmpty());
        assertEquals(303, browser.getOnce(suite.report.url() + "/").statusCode());
        // Signing in again asks for the password: the provider's session ended too.
        Browser.Page again = browser.get(suite.report.url() + "/oidc/login");
        assertTrue(again.body().contains("kc-form-login"), "the provider asks again: " + again.url());
    }

    @Test
    void anExpiredOrForgedSessionIsRenewedThroughTheProviderWithoutAPassword() {
        Browser browser = new Browser();
        assertEquals(200, signIn(browser, ANALYST, ANALYST_PASSWORD).status());
        browser.setCookie("pw_session", TestTokens.expired("LTU"));
        Browser.Page renewed = browser.get(suite.report.url() + "/");
        assertEquals(200, renewed.status(), renewed.hops().toString());
        assertTrue(renewed.body().contains("staff:" + ANALYST));
        assertTrue(renewed.hops().stream().anyMatch(u -> u.getPath().equals("/oidc/login")), renewed.hops().toString());
    }

    @Test
    void anExpiredProviderSessionIsRenewedWithoutAPassword() throws Exception {
        Browser browser = new Browser();
        assertEquals(200, signIn(browser, ANALYST, ANALYST_PASSWORD).status());
        String first = browser.cookie("pw_session").orElseThrow().getValue();
        // The test realm issues 30-second tokens to this client. The page checks its session as the API checks a
        // bearer token, so the API's refusal of the old token is the moment the page's session has expired too.
        await().alias("the old token has expired").atMost(Users.PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(suite.report.url() + "/api/v1/briefings", first).status(), status -> status == 401);

        Browser.Page renewed = browser.get(suite.report.url() + "/");
        assertEquals(200, renewed.status(), renewed.hops().toString());
        assertTrue(renewed.body().contains("staff:" + ANALYST));
        assertTrue(renewed.hops().stream().anyMatch(u -> u.getPath().equals("/oidc/login")), renewed.hops().toString());
        String second = browser.cookie("pw_session").orElseThrow().getValue();
        assertNotEquals(first, second);
        assertEquals(200, Http.get(suite.report.url() + "/api/v1/briefings", second).status());
    }

    /**
     * Behind an ingress, each step of a sign-in may reach another replica: the one that started the flow, the one
     * that takes the provider's callback and the one that reads the session must all open each other's cookies.
     * Here every request alternates between two replicas configured alike (as in deploy/), with the forwarded host
     * the ingress sets.
     */
    @Test
    void aSignInMayReturnToAnotherReplica() throws Exception {
        ServiceProcess second = suite.secondReport("0 0 6 ? * MON");
        second.start();
        try {
            URI front = URI.create(suite.report.url());
            AtomicInteger turn = new AtomicInteger();
            Set<String> served = new HashSet<>();
            Browser browser = new Browser(uri -> {
                if (uri.getPort() != front.getPort()) {
                    return HttpRequest.newBuilder(uri); // the provider
                }
                String replica = turn.getAndIncrement() % 2 == 0 ? suite.report.url() : second.url();
                served.add(replica);
                return HttpRequest.newBuilder(URI.create(replica + uri.getRawPath()
                                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                        .header("X-Forwarded-Host", front.getAuthority()).header("X-Forwarded-Proto", "http");
            });
            Browser.Page home = signIn(browser, ANALYST, ANALYST_PASSWORD);
            assertEquals(200, home.status(), home.hops() + "\n" + home.body());
            assertTrue(home.body().contains("staff:" + ANALYST));
            assertEquals(2, served.size(), "both replicas took part");
            assertEquals(200, browser.get(suite.report.url() + "/").status(), "the session holds on either replica");
            assertEquals(200, browser.get(suite.report.url() + "/").status());
        } finally {
            second.stop();
        }
    }

    @Test
    void aForgedCallbackIsRefusedWithoutAServerError() {
        Browser browser = new Browser();
        HttpResponse<String> forged = browser.getOnce(suite.report.url() + "/oidc/login?code=forged&state=forged");
        assertNotEquals(500, forged.statusCode());
        assertTrue(forged.statusCode() == 401 || forged.statusCode() == 302, "refused or sent to the provider: " + forged.statusCode());
        assertTrue(browser.cookie("pw_session").isEmpty());
    }

    /** The same sign-in in headless Chromium (e2e/browser/provider-sign-in.test.mjs), where Node and Chromium exist. */
    @Test
    void inARealBrowser() throws Exception {
        Path script = ServiceProcess.projectRoot().resolve("e2e/browser/provider-sign-in.test.mjs");
        boolean ready = Files.isDirectory(ServiceProcess.projectRoot().resolve("e2e/browser/node_modules/playwright-core"))
                && onPath("node") && new File(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")).canExecute();
        if (!ready) {
            String why = "needs node, Chromium and `npm ci` in e2e/browser (.ci/run installs them)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path log = Files.createTempFile("provider-sign-in-", ".log");
        Process node = new ProcessBuilder("node", script.toString(), suite.report.url(), ANALYST, ANALYST_PASSWORD)
                .directory(script.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!node.waitFor(240, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
        assertEquals(0, node.exitValue(), Files.readString(log));
    }

    /** The whole sign-in, from our /oidc/login to the page it ends on, with every hop. */
    private Browser.Page signIn(Browser browser, String user, String password) {
        Browser.Page form = browser.get(suite.report.url() + "/oidc/login");
        assertTrue(form.url().toString().startsWith(keycloak.issuer()), "the provider's login form: " + form.url());
        Browser.Page end = browser.submit(form.formAction("kc-form-login"), Map.of("username", user, "password", password), null);
        List<URI> hops = new ArrayList<>(form.hops());
        hops.addAll(end.hops());
        return new Browser.Page(end.status(), end.url(), end.body(), hops);
    }

    /** Watches the staff page (as its own refresh does) until the briefing's download link appears. */
    private String awaitDownloadLink(Browser browser, String id) {
        String link = "/api/v1/briefings/" + id + "/pdf";
        await().alias("briefing " + id + " offered for download").atMost(Users.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> browser.get(suite.report.url() + "/briefings").body(), body -> body.contains("href=\"" + link + "\""));
        return link;
    }

    /** The CSRF token every form of the console carries (its cookie is in the browser's jar already). */
    private static String csrfToken(Browser.Page page) {
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "a form token on " + page.url());
        return m.group(1);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
