import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * DEVELOPMENT ONLY: signs tokens for the local suite started by ./pledgewatch up. The key pair is generated
 * into data/keys/ on first use and never committed; production verifies tokens from a real OIDC provider.
 *
 * Usage: java DevToken.java DATA_DIR ROLE [COUNTRY] [SUBJECT] [TTL_SECONDS]
 */
public class DevToken {

    static final String ISSUER = "https://pledgewatch.local/dev";

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
        PrivateKey key = ensureKeys(keys);
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"pledgewatch-dev\"}";
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":\"").append(ISSUER).append('"')
                .append(",\"sub\":\"").append(subject).append('"')
                .append(",\"upn\":\"").append(subject).append('"')
                .append(",\"groups\":[\"").append(role).append("\"]")
                .append(",\"iat\":").append(now)
                .append(",\"exp\":").append(now + ttl)
                .append(",\"jti\":\"").append(UUID.randomUUID()).append('"');
        if (country != null) {
            claims.append(",\"country\":\"").append(country).append('"');
        }
        claims.append('}');
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(rsa.sign()));
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
            Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
