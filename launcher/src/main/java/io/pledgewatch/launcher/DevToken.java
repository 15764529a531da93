package io.pledgewatch.launcher;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * DEVELOPMENT ONLY: signs tokens for the local suite started by ./pledgewatch up, with SmallRye JWT's builder (the
 * library the services verify with). The key pair is generated into data/keys/ on first use and never committed;
 * production verifies tokens from a real OIDC provider.
 *
 * <p>Usage: {@code DevToken DATA_DIR ROLE [COUNTRY] [SUBJECT] [TTL_SECONDS]}
 */
public final class DevToken {

    static final String ISSUER = "https://pledgewatch.local/dev";

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DevToken DATA_DIR ROLE [COUNTRY] [SUBJECT] [TTL_SECONDS]");
            System.exit(2);
        }
        Path keys = Path.of(args[0], "keys");
        String role = args[1];
        String country = args.length > 2 && !args[2].isEmpty() ? args[2] : null;
        String subject = args.length > 3 && !args[3].isEmpty() ? args[3]
                : country != null ? role + "-" + country.toLowerCase() : role + "-dev";
        long ttl = args.length > 4 ? Long.parseLong(args[4]) : 12 * 3600;
        System.out.println(sign(ensureKeys(keys), role, country, subject, ttl));
    }

    static String sign(PrivateKey key, String role, String country, String subject, long ttlSeconds) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role).expiresIn(ttlSeconds);
        if (country != null) {
            claims.claim("country", country);
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).keyId("pledgewatch-dev").sign(key);
    }

    static PrivateKey ensureKeys(Path dir) throws Exception {
        Path priv = dir.resolve("dev-jwt-private.pem");
        Path pub = dir.resolve("dev-jwt-public.pem");
        if (!Files.exists(priv) || !Files.exists(pub)) {
            Files.createDirectories(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            Path tmp = dir.resolve("dev-jwt-private.pem.tmp");
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmp, priv, StandardCopyOption.ATOMIC_MOVE);
        }
        return KeyUtils.decodePrivateKey(Files.readString(priv));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
