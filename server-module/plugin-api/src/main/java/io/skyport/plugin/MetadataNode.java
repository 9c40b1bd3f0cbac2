package io.skyport.plugin;

import java.util.Optional;

/**
 * A node of the tree an instance metadata endpoint serves (a directory or a value), whatever the
 * API's own rendering of it: the EC2 and GCE metadata trees find a request's node the same way.
 *
 * @param <N> the tree's own node type
 */
public interface MetadataNode<N extends MetadataNode<N>> {
    /** The entry of that name, or null (always null for a value). */
    N child(String name);

    /** The node at a slash-separated path below {@code root}: empty parts are skipped, so {@code ""} is the root. */
    static <N extends MetadataNode<N>> Optional<N> find(N root, String path) {
        N node = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            node = node.child(part);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }
}
