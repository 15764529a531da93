package io.pledgewatch.report.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part in the console, through real HTTP: the session cookie it signed in with, and the CSRF cookie and
 * hidden field that every form carries (read from the page, as a browser submits them).
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String session;
    private String csrfCookie;
    private String csrfField;

    public WebSession(String session) {
        this.session = session;
    }

    /** Opens a page as this browser (keeping the form token it carries). */
    public Response get(String path) {
        Response page = request().redirects().follow(false).get(path);
        if (page.getCookie("pw_csrf") != null) {
            csrfCookie = page.getCookie("pw_csrf");
        }
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (m.find()) {
            csrfField = m.group(1);
        }
        return page;
    }

    /** A request carrying the session and the form token of the last page opened; add the form fields. */
    public RequestSpecification form() {
        if (csrfField == null) {
            throw new IllegalStateException("open a page with a form first");
        }
        RequestSpecification r = request().redirects().follow(false).cookie("pw_csrf", csrfCookie);
        return r;
    }

    public String csrfField() {
        return csrfField;
    }

    private RequestSpecification request() {
        RequestSpecification r = given();
        if (session != null) {
            r.cookie("pw_session", session);
        }
        if (csrfCookie != null) {
            r.cookie("pw_csrf", csrfCookie);
        }
        return r;
    }
}
