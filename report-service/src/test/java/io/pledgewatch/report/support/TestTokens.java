package io.pledgewatch.report.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens signed with the test-only key (src/test/resources/test-keys), with the JDK alone so they can be made
 * before any Quarkus application starts (the ingest process and this service both trust that key in tests).
 */
public final class TestTokens {

    public static final String ISSUER = "https://pledgewatch.local/test";

    private TestTokens() {
    }

    public static String delegation(String country) {
        return sign("officer@" + country.toLowerCase(), "delegation", country, 600);
    }

    public static String staff() {
        return sign("analyst@is", "staff", null, 600);
    }

    public static String service() {
        return sign("pledgewatch-services", "service", null, 3600);
    }

    public static String sign(String subject, String role, String country, long ttlSeconds) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds)
                + (country == null ? "" : ",\"country\":\"" + country + "\"") + "}";
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() throws java.security.GeneralSecurityException {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-keys/test-only-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
