package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL by CloudNativePG, as the prod overlay renders it (deploy/components/cloudnative-pg): each service reaches
 * its own cluster through its pooler over TLS that checks the host name, with the credentials CloudNativePG generates,
 * by the key names CloudNativePG writes; the pools at the most replicas fit the server's max_connections; every
 * cluster archives its WAL and is backed up daily. What the operator does with these objects needs a real cluster.
 */
class DatabaseTest {

    /**
     * The keys of the {@code <cluster>-app} Secret, as CloudNativePG writes them (pkg/specs/secrets.go, CreateSecret;
     * docs "Connecting from an application", Secrets).
     */
    static final List<String> APP_SECRET_KEYS = List.of("username", "user", "password", "dbname", "host", "port",
            "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");

    /**
     * Connections beyond the services' pools: PostgreSQL's superuser_reserved_connections (3), CloudNativePG's
     * instance manager and metrics exporter, each pooler pod's auth_query connection, and an operator's psql
     * (docs/operating.md, PostgreSQL).
     */
    static final int HEADROOM = 20;

    static final KubernetesSerialization JSON = new KubernetesSerialization();

    @ParameterizedTest
    @ValueSource(strings = {"prod", "native"})
    void eachServiceReachesItsOwnClusterThroughItsPoolerOverTlsThatChecksTheHostName(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.render(overlay);
        for (Deployment d : RenderedManifestsTest.services(objects)) {
            String service = d.getMetadata().getName();
            Map<String, EnvVar> env = RenderedManifestsTest.env(d);
            URI url = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue().substring("jdbc:".length()));
            Map<String, String> params = Arrays.stream(url.getQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> p[1]));
            Map<String, Object> pooler = spec(one(objects, "Pooler", url.getHost()));
            assertEquals("rw", pooler.get("type"), service + " writes: the pooler must lead to the primary");
            String cluster = (String) ((Map<?, ?>) pooler.get("cluster")).get("name");
            Map<String, Object> clusterSpec = spec(one(objects, "Cluster", cluster));
            assertEquals(service.replace("-service", ""), path(clusterSpec, "bootstrap", "initdb", "database"));
            assertEquals("/" + path(clusterSpec, "bootstrap", "initdb", "database"), url.getPath(), service + " database");
            assertEquals(5432, url.getPort());
            assertTrue(RenderedManifestsTest.services(objects).stream().filter(o -> o != d).noneMatch(o ->
                    RenderedManifestsTest.env(o).get("QUARKUS_DATASOURCE_JDBC_URL").getValue().contains(url.getHost() + ":")),
                    "each service has its own cluster");

            assertEquals("verify-full", params.get("sslmode"), service + ": TLS that checks the server's name");
            List<?> altNames = (List<?>) path(clusterSpec, "certificates", "serverAltDNSNames");
            assertTrue(altNames != null && altNames.contains(url.getHost()),
                    service + " dials " + url.getHost() + ", which the cluster's certificate (presented by the pooler) must name");
            String rootCert = params.get("sslrootcert");
            VolumeMount mount = RenderedManifestsTest.container(d).getVolumeMounts().stream()
                    .filter(m -> rootCert.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
            Volume volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertEquals(cluster + "-ca", volume.getSecret().getSecretName(), "the cluster's CA, as CloudNativePG names it");
            assertEquals(List.of("ca.crt"), volume.getSecret().getItems().stream().map(i -> i.getKey()).toList(),
                    "the CA's certificate only, not its key");
            assertEquals(rootCert, mount.getMountPath() + "/" + volume.getSecret().getItems().get(0).getPath());

            for (String[] variableAndKey : List.of(new String[] {"QUARKUS_DATASOURCE_USERNAME", "username"},
                    new String[] {"QUARKUS_DATASOURCE_PASSWORD", "password"})) {
                var ref = env.get(variableAndKey[0]).getValueFrom().getSecretKeyRef();
                assertEquals(cluster + "-app", ref.getName(), "the Secret CloudNativePG generates for the owner");
                assertEquals(variableAndKey[1], ref.getKey());
                assertTrue(APP_SECRET_KEYS.contains(ref.getKey()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "native"})
    void thePoolsAtTheMostReplicasFitTheServersConnections(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.render(overlay);
        List<HorizontalPodAutoscaler> autoscalers = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).toList();
        for (Deployment d : RenderedManifestsTest.services(objects)) {
            String service = d.getMetadata().getName();
            int replicas = autoscalers.stream().filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service))
                    .map(h -> h.getSpec().getMaxReplicas()).findFirst().orElse(d.getSpec().getReplicas());
            int pods = replicas + d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
            int pool = poolSize(service, RenderedManifestsTest.env(d));
            int budget = pods * pool;
            String host = URI.create(RenderedManifestsTest.env(d).get("QUARKUS_DATASOURCE_JDBC_URL").getValue()
                    .substring("jdbc:".length())).getHost();
            Map<String, Object> pooler = spec(one(objects, "Pooler", host));
            Map<String, Object> cluster = spec(one(objects, "Cluster",
                    (String) ((Map<?, ?>) pooler.get("cluster")).get("name")));
            int maxConnections = Integer.parseInt((String) path(cluster, "postgresql", "parameters", "max_connections"));
            assertTrue(budget + HEADROOM <= maxConnections, service + ": " + pods + " pods x " + pool + " connections + "
                    + HEADROOM + " > max_connections " + maxConnections);
            assertEquals("session", path(pooler, "pgbouncer", "poolMode"),
                    "Flyway's advisory lock and pgjdbc's prepared statements live in the session");
            for (String parameter : List.of("default_pool_size", "max_client_conn")) {
                int value = Integer.parseInt((String) path(pooler, "pgbouncer", "parameters", parameter));
                assertTrue(value >= budget, service + ": one pooler pod may carry every client; " + parameter + " " + value
                        + " < " + budget);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "native"})
    void everyClusterArchivesItsWalAndIsBackedUpDaily(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifestsTest.render(overlay);
        List<HasMetadata> clusters = objects.stream().filter(o -> o.getKind().equals("Cluster")).toList();
        assertEquals(3, clusters.size(), "one cluster per service");
        for (HasMetadata cluster : clusters) {
            String name = cluster.getMetadata().getName();
            List<?> plugins = (List<?>) spec(cluster).get("plugins");
            Map<?, ?> archiver = plugins.stream().map(p -> (Map<?, ?>) p)
                    .filter(p -> Boolean.TRUE.equals(p.get("isWALArchiver"))).findFirst().orElseThrow();
            String store = (String) ((Map<?, ?>) archiver.get("parameters")).get("barmanObjectName");
            assertNotNull(one(objects, "ObjectStore", store), name + " archives to a store that is rendered");
            List<Map<String, Object>> schedules = objects.stream().filter(o -> o.getKind().equals("ScheduledBackup"))
                    .map(DatabaseTest::spec).filter(s -> name.equals(path(s, "cluster", "name"))).toList();
            assertEquals(1, schedules.size(), name + " has one scheduled backup");
            Map<String, Object> schedule = schedules.get(0);
            assertEquals("plugin", schedule.get("method"));
            assertEquals(archiver.get("name"), path(schedule, "pluginConfiguration", "name"));
            String[] fields = ((String) schedule.get("schedule")).split(" ");
            assertEquals(6, fields.length, "CloudNativePG's cron has seconds first");
            assertFalse(fields[2].equals("*"), "once a day, not every hour");
        }
    }

    /** The service's pool size: its environment's override, or its application.properties. */
    static int poolSize(String service, Map<String, EnvVar> env) throws Exception {
        EnvVar override = env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
        if (override != null) {
            return Integer.parseInt(override.getValue());
        }
        Properties p = ShutdownDelayTest.properties(RenderedManifestsTest.ROOT.resolve(
                service + "/src/main/resources/application.properties"));
        String value = p.getProperty("%prod.quarkus.datasource.jdbc.max-size", p.getProperty("quarkus.datasource.jdbc.max-size"));
        assertNotNull(value, service + " sets no pool size: Agroal's default is unbounded by the budget");
        return Integer.parseInt(value);
    }

    static HasMetadata one(List<HasMetadata> objects, String kind, String name) {
        List<HasMetadata> found = objects.stream()
                .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(HasMetadata o) {
        return (Map<String, Object>) JSON.convertValue(o, Map.class).get("spec");
    }

    static Object path(Map<String, Object> map, String... keys) {
        Object at = map;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }
}
