package io.pledgewatch.ingest.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;

/** Tokens signed with the test-only key, as an OIDC provider would issue them. */
public final class Tokens {

    public static final String ISSUER = "https://pledgewatch.local/test";

    private Tokens() {
    }

    public static String delegation(String country) {
        return Jwt.issuer(ISSUER).upn("officer@" + country.toLowerCase()).groups(Set.of("delegation"))
                .claim("country", country).expiresIn(600).sign();
    }

    public static String delegationWithoutCountry() {
        return Jwt.issuer(ISSUER).upn("officer@nowhere").groups(Set.of("delegation")).expiresIn(600).sign();
    }

    public static String staff() {
        return Jwt.issuer(ISSUER).upn("analyst@is.nato.int").groups(Set.of("staff")).expiresIn(600).sign();
    }

    public static String service() {
        return Jwt.issuer(ISSUER).upn("compliance-service").groups(Set.of("service")).expiresIn(600).sign();
    }

    public static String expired(String country) {
        return Jwt.issuer(ISSUER).upn("officer").groups(Set.of("delegation")).claim("country", country)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String otherIssuer(String country) {
        return Jwt.issuer("https://evil.example/issuer").upn("officer").groups(Set.of("delegation"))
                .claim("country", country).expiresIn(600).sign();
    }

    /** Signed by a key the service has never seen. */
    public static String badSignature(String country) {
        try {
            var gen = java.security.KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return Jwt.issuer(ISSUER).upn("officer").groups(Set.of("delegation")).claim("country", country)
                    .expiresIn(600).sign(gen.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
