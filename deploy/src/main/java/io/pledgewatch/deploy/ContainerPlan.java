package io.pledgewatch.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Turns the rendered manifests of an overlay into {@code docker run} arguments, so that the suite runs as containers
 * on one machine the way the cluster runs it, and cannot drift from it: the same environment variable names (values
 * from the rendered ConfigMap, or from the local values file where the cluster's would not work here, e.g. service
 * host names; Secrets always from the local file), the containers' ports and probes (as health checks), the read-only
 * root file system with a tmpfs where a pod mounts an emptyDir, Secret and ConfigMap volumes as read-only bind
 * mounts, no capabilities, no privilege escalation, the memory and CPU limits. Every container shares the host's
 * network (loopback only: no bridge is ever created) and its service listens on 127.0.0.1.
 *
 * <p>Usage: {@code ContainerPlan <rendered.yaml> <local.properties> <data-dir> <postgres-port>}; prints one line per
 * Deployment: name, port, readiness path and the shell-quoted arguments of {@code docker run}, tab-separated.
 */
public final class ContainerPlan {

    /** One container to run. */
    public record Run(String name, int port, String readinessPath, List<String> arguments, Set<String> envNames) {
    }

    /** Kustomize's content-hash suffix on a generated name: ten characters of its hash alphabet. */
    private static final java.util.regex.Pattern HASH_SUFFIX = java.util.regex.Pattern.compile("-[245-9bcdfghkmt]{10}$");

    private final Map<String, String> configMap = new LinkedHashMap<>();
    private final Set<String> generated = new HashSet<>();
    private final Properties local;
    private final Set<String> usedLocalKeys = new HashSet<>();

    public ContainerPlan(Properties local) {
        this.local = local;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ContainerPlan <rendered.yaml> <local.properties> <data-dir> <postgres-port>");
            System.exit(2);
        }
        Properties local = load(Path.of(args[1]), Path.of(args[2]).toAbsolutePath().toString(), args[3]);
        for (Run run : new ContainerPlan(local).plan(Files.readString(Path.of(args[0])))) {
            System.out.println(run.name() + "\t" + run.port() + "\t" + run.readinessPath() + "\t"
                    + String.join(" ", run.arguments().stream().map(ContainerPlan::quote).toList()));
        }
    }

    /** The local values, with ${DATA} and ${PG_PORT} replaced. */
    public static Properties load(Path file, String dataDir, String postgresPort) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Properties resolved = new Properties();
        p.forEach((k, v) -> resolved.setProperty((String) k, ((String) v).replace("${DATA}", dataDir)
                .replace("${PG_PORT}", postgresPort)));
        return resolved;
    }

    public List<Run> plan(String renderedYaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : renderedYaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                objects.add(serialization.unmarshal(doc, HasMetadata.class));
            }
        }
        objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .forEach(cm -> cm.getData().forEach((k, v) -> configMap.put(cm.getMetadata().getName() + "." + k, v)));
        objects.stream().filter(o -> o instanceof ConfigMap || o instanceof Secret).map(o -> o.getMetadata().getName())
                .filter(n -> HASH_SUFFIX.matcher(n).find()).forEach(generated::add);
        List<Run> runs = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d && "pledgewatch".equals(d.getMetadata().getLabels().get("app.kubernetes.io/part-of"))) {
                runs.add(run(d));
            }
        }
        return runs;
    }

    /** Local values the manifests never asked for: a sign that the two have drifted apart. */
    public Set<String> unusedLocalKeys() {
        Set<String> unused = new HashSet<>(local.stringPropertyNames());
        unused.removeAll(usedLocalKeys);
        return unused;
    }

    private Run run(Deployment d) {
        String name = d.getMetadata().getName();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        ContainerPort http = c.getPorts().get(0);
        List<String> a = new ArrayList<>(List.of("--detach", "--name", "pledgewatch-" + name, "--network", "host",
                "--label", "io.pledgewatch.containers=" + name));
        var sc = c.getSecurityContext();
        if (Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            a.add("--read-only");
        }
        if (Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            a.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        if (sc.getCapabilities() != null && sc.getCapabilities().getDrop() != null) {
            sc.getCapabilities().getDrop().forEach(cap -> a.addAll(List.of("--cap-drop", cap)));
        }
        if (sc.getRunAsUser() != null) {
            a.addAll(List.of("--user", String.valueOf(sc.getRunAsUser())));
        }
        Map<String, Quantity> limits = c.getResources().getLimits();
        a.addAll(List.of("--memory", bytes(limits.get("memory")) + "b", "--cpus", cpus(limits.get("cpu"))));
        Set<String> envNames = new HashSet<>();
        for (EnvVar e : c.getEnv()) {
            String value = value(name, e);
            if (value != null) { // an optional Secret the local run does not have: unset, as in a pod
                envNames.add(e.getName());
                a.addAll(List.of("--env", e.getName() + "=" + value));
            }
        }
        // The image binds 0.0.0.0; on the host's network the service listens on loopback only.
        a.addAll(List.of("--env", "JAVA_OPTS_APPEND=-Dquarkus.http.host=127.0.0.1"
                + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
        for (VolumeMount m : c.getVolumeMounts()) {
            Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElseThrow();
            if (v.getEmptyDir() != null) {
                String size = v.getEmptyDir().getSizeLimit() == null ? "" : ",size=" + bytes(v.getEmptyDir().getSizeLimit());
                a.addAll(List.of("--tmpfs", m.getMountPath() + ":rw,exec" + size));
            } else if (v.getSecret() != null) {
                a.addAll(List.of("--volume", local("volume.secret." + localName(v.getSecret().getSecretName())) + ":" + m.getMountPath() + ":ro"));
            } else if (v.getConfigMap() != null) {
                a.addAll(List.of("--volume", local("volume.configMap." + localName(v.getConfigMap().getName())) + ":" + m.getMountPath() + ":ro"));
            } else {
                throw new IllegalStateException(name + ": volume " + v.getName() + " has a kind the local run does not know");
            }
        }
        if (pod.getTerminationGracePeriodSeconds() != null) {
            a.addAll(List.of("--stop-timeout", String.valueOf(pod.getTerminationGracePeriodSeconds())));
        }
        Probe ready = c.getReadinessProbe();
        String path = ready.getHttpGet().getPath();
        int port = http.getContainerPort();
        a.addAll(List.of("--health-cmd", "curl -fsS -o /dev/null http://127.0.0.1:" + port + path,
                "--health-interval", ready.getPeriodSeconds() + "s", "--health-timeout", ready.getTimeoutSeconds() + "s",
                "--health-retries", String.valueOf(ready.getFailureThreshold())));
        Probe started = c.getStartupProbe();
        if (started != null) {
            a.addAll(List.of("--health-start-period", started.getPeriodSeconds() * started.getFailureThreshold() + "s"));
        }
        a.add(localImage(c.getImage()));
        return new Run(name, port, path, a, envNames);
    }

    /**
     * The image {@code ./pledgewatch containers} builds for a rendered one: the same name and tag with {@code -jvm}
     * appended, built from the service's Dockerfile.jvm. The local run builds no native image.
     */
    static String localImage(String image) {
        if (image.endsWith("-native")) {
            throw new IllegalStateException(image + " is a native image, which the local container run does not build");
        }
        return image + "-jvm";
    }

    private String value(String deployment, EnvVar e) {
        if (e.getValueFrom() == null) {
            return e.getValue();
        }
        var cm = e.getValueFrom().getConfigMapKeyRef();
        if (cm != null) {
            String key = "configMap." + localName(cm.getName()) + "." + cm.getKey();
            if (local.containsKey(key)) {
                return local(key);
            }
            String v = configMap.get(cm.getName() + "." + cm.getKey());
            if (v == null) {
                throw new IllegalStateException(deployment + " reads " + cm.getName() + "/" + cm.getKey()
                        + ", which neither the rendered ConfigMap nor the local values hold");
            }
            return v;
        }
        var secret = e.getValueFrom().getSecretKeyRef();
        if (secret != null) {
            String key = "secret." + localName(secret.getName()) + "." + secret.getKey();
            if (!local.containsKey(key) && Boolean.TRUE.equals(secret.getOptional())) {
                return null;
            }
            return local(key);
        }
        throw new IllegalStateException(deployment + ": " + e.getName() + " comes from a source the local run does not know");
    }

    /**
     * The name the local values file uses for a ConfigMap or Secret a manifest references: the generator's name,
     * without the content hash kustomize appends to what it generates (and rewrites every reference to), so that a
     * changed value rolls the pods. Only a rendered, generated object loses its suffix; a name that an operator
     * creates (not rendered) is taken as it is.
     */
    String localName(String referenced) {
        return generated.contains(referenced) ? HASH_SUFFIX.matcher(referenced).replaceFirst("") : referenced;
    }

    private String local(String key) {
        String v = local.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("deploy/containers/local.properties has no " + key
                    + ", which the rendered manifests need");
        }
        usedLocalKeys.add(key);
        return v;
    }

    static long bytes(Quantity q) {
        return Quantity.getAmountInBytes(q).longValueExact();
    }

    static String cpus(Quantity q) {
        BigDecimal cores = Quantity.getAmountInBytes(q);
        return cores.stripTrailingZeros().toPlainString();
    }

    /** POSIX shell single quotes. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
