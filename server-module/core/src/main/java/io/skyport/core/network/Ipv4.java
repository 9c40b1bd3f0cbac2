package io.skyport.core.network;

/** IPv4 addresses as numbers, and CIDR arithmetic for address allocation. */
public final class Ipv4 {
    private Ipv4() {
    }

    public static long parse(String dotted) {
        String[] p = dotted.trim().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long v = 0;
        for (String part : p) {
            int o = Integer.parseInt(part);
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = (v << 8) | o;
        }
        return v;
    }

    public static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** A parsed CIDR block. */
    public record Cidr(long network, int prefix) {
        public static Cidr parse(String cidr) {
            String[] p = cidr.split("/");
            if (p.length != 2) {
                throw new IllegalArgumentException("not a CIDR: " + cidr);
            }
            int prefix = Integer.parseInt(p[1]);
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("not a CIDR: " + cidr);
            }
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return new Cidr(Ipv4.parse(p[0]) & mask, prefix);
        }

        public long size() {
            return 1L << (32 - prefix);
        }

        public long broadcast() {
            return network + size() - 1;
        }

        public String netmask() {
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return format(mask);
        }

        public boolean contains(long address) {
            return address >= network && address <= broadcast();
        }

        /** First usable host address (.1 is the gateway, so hosts start at .2). */
        public long firstHost() {
            return network + 2;
        }

        public long lastHost() {
            return broadcast() - 1;
        }

        @Override
        public String toString() {
            return format(network) + "/" + prefix;
        }
    }
}
