package io.pledgewatch.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** Tokens as an OIDC provider would issue them, signed with the test-only key the suite is started to trust. */
public final class Tokens {

    public static final String ISSUER = "https://pledgewatch.local/test";
    private static final PrivateKey KEY = load();
    private static final PrivateKey STRANGER = stranger();

    private Tokens() {
    }

    public static String delegation(String country) {
        return sign(KEY, ISSUER, "officer@" + country.toLowerCase(), "delegation", country, 0, 3600);
    }

    public static String staff() {
        return sign(KEY, ISSUER, "analyst@is", "staff", null, 0, 3600);
    }

    public static String service() {
        return sign(KEY, ISSUER, "pledgewatch-services", "service", null, 0, 24 * 3600);
    }

    public static String expired(String country) {
        return sign(KEY, ISSUER, "officer", "delegation", country, -7200, 3600);
    }

    public static String badSignature(String country) {
        return sign(STRANGER, ISSUER, "officer", "delegation", country, 0, 3600);
    }

    public static String otherIssuer(String country) {
        return sign(KEY, "https://evil.example/realms/x", "officer", "delegation", country, 0, 3600);
    }

    static String sign(PrivateKey key, String issuer, String subject, String role, String country, long shift, long ttl) {
        long now = Instant.now().getEpochSecond() + shift;
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + ttl)
                + (country == null ? "" : ",\"country\":\"" + country + "\"") + "}";
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-keys/test-only-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey stranger() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
