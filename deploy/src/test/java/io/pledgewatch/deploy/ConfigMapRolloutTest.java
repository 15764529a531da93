package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A changed ConfigMap rolls the pods: kustomize names each generated ConfigMap and Secret after a hash of its content
 * and rewrites every reference to it, so a changed value is a changed pod template, which a Deployment rolls out.
 */
class ConfigMapRolloutTest {

    /**
     * What the operator (or CloudNativePG) creates in the namespace, by name: never rendered, so never renamed
     * (docs/operating.md, Apply).
     */
    static final Map<String, Set<String>> CREATED_BY_THE_OPERATOR = Map.of(
            "dev", Set.of("pledgewatch-jwt-key", "pledgewatch-service-token", "pledgewatch-report-oidc",
                    "pledgewatch-report-smtp"),
            "prod", Set.of("ingest-db-app", "ingest-db-ca", "compliance-db-app", "compliance-db-ca", "report-db-app",
                    "report-db-ca", "pledgewatch-service-token", "pledgewatch-report-oidc", "pledgewatch-report-smtp"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferenceNamesARenderedObjectByItsHashedNameOrOneTheOperatorCreates(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.render(overlay);
        Set<String> rendered = objects.stream().filter(o -> o instanceof ConfigMap || o instanceof Secret)
                .map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
        assertFalse(rendered.isEmpty(), overlay + " renders no ConfigMap: nothing checked");
        for (String name : rendered) {
            assertTrue(name.matches(".*-[a-z0-9]{10}"), name + " carries no content hash: a change would not roll pods");
        }
        Set<String> referenced = new HashSet<>();
        for (PodTemplateSpec template : templates(objects)) {
            referenced.addAll(references(template.getSpec()));
        }
        Set<String> unresolved = new HashSet<>(referenced);
        unresolved.removeAll(rendered);
        assertEquals(CREATED_BY_THE_OPERATOR.get(overlay), unresolved,
                "a reference that names neither a rendered object nor one the operator creates was not rewritten");
        assertTrue(referenced.containsAll(rendered), "every generated object is referenced by its hashed name");
    }

    @Test
    void changingALiteralChangesThePodTemplateOfEveryDeploymentThatReadsIt() throws Exception {
        List<HasMetadata> before = RenderedManifestsTest.render("prod");
        Path overlay = RenderedManifestsTest.ROOT.resolve("deploy/target/rollout-test");
        Files.createDirectories(overlay);
        // Kustomize takes a kustomization directory only by a relative path.
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../overlays/prod]
                configMapGenerator:
                  - name: pledgewatch-config
                    behavior: merge
                    literals: [follower-poll-interval=3s]
                """);
        List<HasMetadata> after = RenderedManifestsTest.parse(RenderedManifestsTest.renderYamlAt(overlay));
        String oldName = configName(before);
        String newName = configName(after);
        assertNotEquals(oldName, newName, "the ConfigMap's name follows its content");
        Map<String, Deployment> changed = RenderedManifestsTest.services(after).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        for (Deployment d : RenderedManifestsTest.services(before)) {
            String name = d.getMetadata().getName();
            assertTrue(references(d.getSpec().getTemplate().getSpec()).contains(oldName), name + " reads the ConfigMap");
            PodTemplateSpec template = changed.get(name).getSpec().getTemplate();
            assertNotEquals(d.getSpec().getTemplate(), template, name + "'s pod template must change, or it would not roll");
            Set<String> refs = references(template.getSpec());
            assertTrue(refs.contains(newName) && !refs.contains(oldName), name + " reads the new ConfigMap only: " + refs);
        }
    }

    static String configName(List<HasMetadata> objects) {
        List<String> names = objects.stream().filter(ConfigMap.class::isInstance).map(o -> o.getMetadata().getName())
                .filter(n -> n.startsWith("pledgewatch-config-")).toList();
        assertEquals(1, names.size(), names.toString());
        return names.get(0);
    }

    static List<PodTemplateSpec> templates(List<HasMetadata> objects) {
        List<PodTemplateSpec> templates = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                templates.add(d.getSpec().getTemplate());
            } else if (o instanceof StatefulSet s) {
                templates.add(s.getSpec().getTemplate());
            }
        }
        return templates;
    }

    /** Every ConfigMap and Secret a pod names: in its environment, envFrom and volumes. */
    static Set<String> references(PodSpec pod) {
        Set<String> names = new HashSet<>();
        for (Container c : pod.getContainers()) {
            for (var e : c.getEnv() == null ? List.<io.fabric8.kubernetes.api.model.EnvVar>of() : c.getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    names.add(e.getValueFrom().getConfigMapKeyRef().getName());
                }
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    names.add(e.getValueFrom().getSecretKeyRef().getName());
                }
            }
            for (var f : c.getEnvFrom() == null ? List.<io.fabric8.kubernetes.api.model.EnvFromSource>of() : c.getEnvFrom()) {
                if (f.getConfigMapRef() != null) {
                    names.add(f.getConfigMapRef().getName());
                }
                if (f.getSecretRef() != null) {
                    names.add(f.getSecretRef().getName());
                }
            }
        }
        for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            if (v.getConfigMap() != null) {
                names.add(v.getConfigMap().getName());
            }
            if (v.getSecret() != null) {
                names.add(v.getSecret().getSecretName());
            }
        }
        return names;
    }
}
