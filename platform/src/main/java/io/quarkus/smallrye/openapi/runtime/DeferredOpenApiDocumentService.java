package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The OpenAPI document (/q/openapi, Swagger UI) prepared when it is first asked for instead of at every start. Quarkus
 * 3.34 parses the build-time document, runs its filters and renders it as JSON and YAML during start-up, whether or
 * not anyone reads it: a tenth of a half-second start (README, Benchmark). This defers exactly that work, unchanged,
 * to the first request, which pays it once (0.15 s).
 * <p>
 * It lives in Quarkus' package because the step it defers, {@code prepareDocument}, is package-private there. That
 * holds only where this class and Quarkus' share a class loader, as in the packaged service; under
 * {@code @QuarkusTest} and in dev mode a workspace module such as platform gets a class loader of its own, the method
 * would not be overridden, and the service would not start. So it is an alternative selected for the packaged service
 * only ({@code %prod.quarkus.arc.selected-alternatives}, platform's microprofile-config.properties), and the
 * end-to-end suite, which runs the packaged services, reads the documents back and checks that none was prepared
 * before it was asked for ({@code ApiDocumentsIT}). A Quarkus upgrade that changes the method fails this class's
 * compilation ({@code @Override}).
 */
// Unremovable: Quarkus looks the service up by type at run time, which ArC cannot see when it removes unused beans.
@Unremovable
@Alternative
@ApplicationScoped
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    private static final Logger LOG = Logger.getLogger(DeferredOpenApiDocumentService.class);

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage, String documentName) {
        pending.add(() -> super.prepareDocument(autoSecurityFilter, filtersByStage, documentName));
    }

    @Override
    public synchronized byte[] getDocument(String documentName, Format format) {
        if (!pending.isEmpty()) {
            pending.forEach(Runnable::run);
            pending.clear();
            LOG.info("OpenAPI document prepared on its first request");
        }
        return super.getDocument(documentName, format);
    }
}
