package io.skyport.app.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code cluster create} was asked for. The name is checked here because it ends up in host
 * names, tag values, GCE labels and the rendered YAML: lower-case letters, digits and dashes keep
 * it valid in every one of them without quoting.
 *
 * @param discovery an etcd discovery URL, or null for static peers (the control set's names)
 * @param publicKey OpenSSH public key text to register as the cluster's key pair, or null
 * @param keypair   an existing key pair's name, or null
 */
public record ClusterSpec(String name, int control, int workers, String zone, String offering, String template,
                          String keypair, String publicKey, String discovery, String sshCidr, String internalCidr) {
    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    public ClusterSpec {
        checkName(name);
        if (control < 1 || control > 9) {
            throw new IllegalArgumentException("--control must be between 1 and 9 (etcd wants an odd, small set)");
        }
        if (workers < 0 || workers > 200) {
            throw new IllegalArgumentException("--workers must be between 0 and 200");
        }
        if (keypair != null && publicKey != null) {
            throw new IllegalArgumentException("give --keypair or --public-key, not both");
        }
        if (discovery != null) {
            URI u;
            try {
                u = URI.create(discovery);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--discovery is not a URL: " + discovery);
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("--discovery must be an http(s) URL: " + discovery);
            }
        }
        checkCidr("--ssh-cidr", sshCidr);
        if (internalCidr != null) {
            checkCidr("--internal-cidr", internalCidr);
        }
    }

    /** Throws unless {@code name} can be a cluster name. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cluster name must be 1-40 lower-case letters, digits or dashes, "
                    + "starting with a letter: " + name);
        }
        return name;
    }

    private static void checkCidr(String flag, String cidr) {
        if (cidr == null || !CIDR.matcher(cidr).matches()) {
            throw new IllegalArgumentException(flag + " must be an IPv4 CIDR such as 198.18.0.0/15: " + cidr);
        }
    }

    /** Control nodes first, then workers, each named {@code <cluster>-<role>-<n>}. */
    public List<ClusterNode> nodes() {
        List<ClusterNode> out = new ArrayList<>();
        for (int i = 0; i < control; i++) {
            out.add(new ClusterNode(name + "-control-" + i, Role.CONTROL));
        }
        for (int i = 0; i < workers; i++) {
            out.add(new ClusterNode(name + "-worker-" + i, Role.WORKER));
        }
        return out;
    }

    /** The control set's host names, in order. */
    public List<String> controlNames() {
        return nodes().stream().filter(n -> n.role() == Role.CONTROL).map(ClusterNode::name).toList();
    }

    /** The name shared by the cluster's security group / firewall rules and key pair. */
    public static String groupName(String cluster) {
        return "skyport-cluster-" + cluster;
    }
}
