package io.pledgewatch.platform.security;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once for its lifetime. Checking an RSA signature is the dearest step of an authenticated
 * request, and a delegation's client sends the same token with every request until it expires. The first request
 * verifies it fully; later ones with the same token reuse that verdict, kept in the Quarkus cache
 * {@value #CACHE} (Caffeine; its size and eviction are configured in platform's microprofile-config.properties), until
 * the token's own {@code exp}. A token that fails verification is never kept. What is kept is a {@link VerifiedToken},
 * which reads each claim once.
 *
 * <p>The cache is read with {@link CaffeineCache#getIfPresent} and filled with {@link CaffeineCache#put}, which never
 * block: tokens are parsed on the event loop too, where waiting on the cache's {@code Uni} is not allowed.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final String CACHE = "verified-tokens";

    private final JWTParser delegate;
    private final CaffeineCache verified;
    private final Clock clock;

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate, @CacheName(CACHE) Cache verified) {
        this(delegate, verified.as(CaffeineCache.class), Clock.systemUTC());
    }

    VerifiedTokens(JWTParser delegate, CaffeineCache verified, Clock clock) {
        this.delegate = delegate;
        this.verified = verified;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        CompletableFuture<VerifiedToken> kept = verified.getIfPresent(token);
        VerifiedToken known = kept == null ? null : kept.getNow(null);
        if (known != null && known.expires() > now) {
            return known;
        }
        VerifiedToken fresh = new VerifiedToken(delegate.parse(token));
        if (fresh.expires() > now) {
            verified.put(token, CompletableFuture.completedFuture(fresh));
        }
        return fresh;
    }

    // The other ways of parsing are rare (explicit keys, decryption): never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

}
