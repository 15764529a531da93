package io.pledgewatch.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens as an OIDC provider would issue them, signed with the test-only key (test-keys/ in this test-jar) that
 * the services under test are told to trust. SmallRye JWT's builder signs them without a running application, so
 * they can be made before any Quarkus application or service process starts.
 */
public final class TestTokens {

    public static final String ISSUER = "https://pledgewatch.local/test";
    public static final String PUBLIC_KEY_RESOURCE = "/test-keys/test-only-jwt-public.pem";
    private static final PrivateKey KEY = load();
    private static PrivateKey stranger;

    private TestTokens() {
    }

    public static String delegation(String country) {
        return reused("officer@" + country.toLowerCase(), "delegation", country, 3600);
    }

    public static String delegationWithoutCountry() {
        return reused("officer@nowhere", "delegation", null, 3600);
    }

    public static String staff() {
        return reused("analyst@is", "staff", null, 3600);
    }

    public static String service() {
        return reused("pledgewatch-services", "service", null, 24 * 3600);
    }

    private record Minted(String token, long at) {
    }

    private static final Map<String, Minted> RECENT = new ConcurrentHashMap<>();

    /**
     * A token minted in the last ten minutes for the same caller, else a new one: clients reuse an access token for
     * most of its life, and so do the tests and the benchmark. Minting one per call had the benchmark's load
     * generator spend an RSA signature per request on the cores the services share, and the services a verification.
     */
    private static String reused(String subject, String role, String country, long ttl) {
        long now = Instant.now().getEpochSecond();
        return RECENT.compute(subject + "|" + role + "|" + country + "|" + ttl, (k, m) ->
                m != null && now - m.at() < 600 ? m : new Minted(sign(subject, role, country, ttl), now)).token();
    }

    /** A delegation token that expired an hour ago. */
    public static String expired(String country) {
        return sign(KEY, ISSUER, "officer", "delegation", country, -7200, 3600);
    }

    /** Signed by a key no service has ever seen. */
    public static String badSignature(String country) {
        return sign(strangerKey(), ISSUER, "officer", "delegation", country, 0, 3600);
    }

    public static String otherIssuer(String country) {
        return sign(KEY, "https://evil.example/realms/x", "officer", "delegation", country, 0, 3600);
    }

    /** A token of the test issuer valid for {@code ttlSeconds} from now (negative: expired that long ago). */
    public static String sign(String subject, String role, String country, long ttlSeconds) {
        return sign(KEY, ISSUER, subject, role, country, 0, ttlSeconds);
    }

    private static String sign(PrivateKey key, String issuer, String subject, String role, String country, long shift,
                               long ttl) {
        long now = Instant.now().getEpochSecond() + shift;
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(subject).upn(subject).groups(role)
                .issuedAt(Math.min(now, now + ttl)).expiresAt(now + ttl);
        if (country != null) {
            claims.claim("country", country);
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-keys/test-only-jwt-private.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized PrivateKey strangerKey() {
        if (stranger == null) {
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                stranger = gen.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return stranger;
    }
}
