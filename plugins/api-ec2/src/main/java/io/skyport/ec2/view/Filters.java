package io.skyport.ec2.view;

import io.skyport.ec2.Ec2Exception;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The {@code Filter.N.Name / Value.M} filters one Describe operation supports. An item passes
 * when, for every filter, one of its values matches one of the filter's values ({@code *} and
 * {@code ?} are wildcards, as EC2 allows). A filter name the operation does not support is an
 * error naming it, never silently ignored.
 *
 * @param <T> the item filtered (an instance, a volume...)
 */
public final class Filters<T> {
    private final Map<String, Function<T, List<String>>> fields = new LinkedHashMap<>();
    private Function<T, List<Tag>> tags;

    /** A filter on one value of the item. */
    public Filters<T> on(String name, Function<T, Object> value) {
        fields.put(name, item -> {
            Object v = value.apply(item);
            return v == null ? List.of() : List.of(String.valueOf(v));
        });
        return this;
    }

    /** A filter on several values of the item (its groups, say). */
    public Filters<T> onEach(String name, Function<T, List<String>> values) {
        fields.put(name, values);
        return this;
    }

    /** Enables {@code tag:Key}, {@code tag-key} and {@code tag-value}. */
    public Filters<T> tags(Function<T, List<Tag>> tagsOf) {
        this.tags = tagsOf;
        return this;
    }

    public Predicate<T> matcher(List<Filter> filters) {
        List<Predicate<T>> all = new ArrayList<>();
        for (Filter f : filters == null ? List.<Filter>of() : filters) {
            String name = f.name();
            if (name == null) {
                throw Ec2Exception.missing("Filter.N.Name");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String v : f.values()) {
                patterns.add(wildcard(v));
            }
            Function<T, List<String>> values = valuesOf(name);
            all.add(item -> {
                for (String v : values.apply(item)) {
                    for (Pattern p : patterns) {
                        if (v != null && p.matcher(v).matches()) {
                            return true;
                        }
                    }
                }
                return false;
            });
        }
        return item -> {
            for (Predicate<T> p : all) {
                if (!p.test(item)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Function<T, List<String>> valuesOf(String name) {
        Function<T, List<String>> field = fields.get(name);
        if (field != null) {
            return field;
        }
        if (tags != null && name.startsWith("tag:") && name.length() > 4) {
            String key = name.substring(4);
            return item -> tags.apply(item).stream().filter(t -> key.equals(t.key())).map(Tag::value).toList();
        }
        if (tags != null && name.equals("tag-key")) {
            return item -> tags.apply(item).stream().map(Tag::key).toList();
        }
        if (tags != null && name.equals("tag-value")) {
            return item -> tags.apply(item).stream().map(Tag::value).toList();
        }
        throw Ec2Exception.invalid("Filter.Name", name, "The filter '" + name + "' is invalid");
    }

    static Pattern wildcard(String value) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
