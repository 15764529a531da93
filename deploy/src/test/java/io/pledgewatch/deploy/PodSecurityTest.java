package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every namespace an overlay creates enforces Pod Security Admission's {@code restricted} standard, and every pod
 * the overlay renders meets it, so that applying the overlay is not refused by the API server it is meant for. The
 * checks are the standard's own controls (kubernetes.io/docs/concepts/security/pod-security-standards, Restricted and
 * the Baseline ones it includes), checked on the rendered pod templates; the pods CloudNativePG creates are the
 * operator's to make compliant (docs/operating.md, Pod Security).
 */
class PodSecurityTest {

    static final Set<String> RESTRICTED_VOLUME_KINDS = Set.of("configMap", "secret", "emptyDir", "projected",
            "downwardAPI", "persistentVolumeClaim", "csi", "ephemeral");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "native"})
    void everyNamespaceEnforcesAuditsAndWarnsOnTheRestrictedStandard(String overlay) throws Exception {
        List<Namespace> namespaces = RenderedManifestsTest.render(overlay).stream()
                .filter(Namespace.class::isInstance).map(Namespace.class::cast).toList();
        assertFalse(namespaces.isEmpty(), overlay + " creates no namespace: nothing checked");
        for (Namespace ns : namespaces) {
            Map<String, String> labels = ns.getMetadata().getLabels();
            for (String mode : List.of("enforce", "audit", "warn")) {
                assertEquals("restricted", labels.get("pod-security.kubernetes.io/" + mode),
                        ns.getMetadata().getName() + " " + mode);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "native"})
    void everyRenderedPodMeetsTheRestrictedStandard(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.render(overlay);
        List<PodSpec> pods = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                pods.add(d.getSpec().getTemplate().getSpec());
            } else if (o instanceof StatefulSet s) {
                pods.add(s.getSpec().getTemplate().getSpec());
            }
        }
        assertTrue(pods.size() >= 3, overlay + ": " + pods.size() + " pod templates");
        for (PodSpec pod : pods) {
            assertRestricted(pod);
        }
    }

    static void assertRestricted(PodSpec pod) {
        PodSecurityContext p = pod.getSecurityContext() == null ? new PodSecurityContext() : pod.getSecurityContext();
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC()), "no host namespaces");
        for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            assertTrue(volumeKind(v).stream().allMatch(RESTRICTED_VOLUME_KINDS::contains), v.getName() + ": " + volumeKind(v));
        }
        List<Container> containers = Stream.concat(pod.getContainers().stream(),
                pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream()).toList();
        for (Container c : containers) {
            SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
            String name = c.getName();
            assertTrue(Boolean.TRUE.equals(sc.getRunAsNonRoot())
                    || (sc.getRunAsNonRoot() == null && Boolean.TRUE.equals(p.getRunAsNonRoot())), name + " runAsNonRoot");
            Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : p.getRunAsUser();
            assertNotEquals(0L, user, name + " runAsUser");
            var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : p.getSeccompProfile();
            assertTrue(seccomp != null && Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType()),
                    name + " seccomp RuntimeDefault");
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name + " allowPrivilegeEscalation");
            assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), name + " privileged");
            assertTrue(sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"), name + " drops ALL");
            List<String> added = sc.getCapabilities().getAdd() == null ? List.of() : sc.getCapabilities().getAdd();
            assertTrue(Set.of("NET_BIND_SERVICE").containsAll(added), name + " adds " + added);
            assertTrue(c.getPorts() == null || c.getPorts().stream().allMatch(port -> port.getHostPort() == null
                    || port.getHostPort() == 0), name + " hostPort");
        }
    }

    /** The volume's source kinds, by the fields set (hostPath, configMap, ...). */
    static Set<String> volumeKind(Volume v) {
        Map<String, Object> fields = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .convertValue(v, Map.class);
        Set<String> kinds = new java.util.HashSet<>(fields.keySet());
        kinds.remove("name");
        return kinds;
    }
}
