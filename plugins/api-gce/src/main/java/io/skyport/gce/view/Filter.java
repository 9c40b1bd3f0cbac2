package io.skyport.gce.view;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filter} parameter of list methods, evaluated on the response messages themselves
 * (field paths are JSON names, {@code labels.env} reads a map key). Both of GCE's syntaxes:
 * the older {@code field eq|ne regex} (the regex must match the whole value), which gcloud sends,
 * and the newer comparisons {@code =, !=, :, <, >, <=, >=} with {@code *} wildcards, joined by
 * AND, OR, NOT, parentheses, or juxtaposition (AND).
 */
public final class Filter {
    private Filter() {
    }

    public static Predicate<Message> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return m -> true;
        }
        Parser p = new Parser(tokens(expression), expression);
        Predicate<Message> result = p.or();
        if (p.pos < p.tokens.size()) {
            throw invalid(expression, "unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return result;
    }

    private static GceException invalid(String expression, String why) {
        return new GceException(GceError.INVALID, "Invalid value for field 'filter': '" + expression + "'. Invalid list "
                + "filter expression: " + why + ".");
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ':') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                StringBuilder sb = new StringBuilder("\"");
                while (end < s.length() && s.charAt(end) != c) {
                    if (s.charAt(end) == '\\' && end + 1 < s.length()) {
                        end++;
                        sb.append(s.charAt(end) == c ? "" : "\\");
                    }
                    sb.append(s.charAt(end++));
                }
                if (end >= s.length()) {
                    throw invalid(s, "unterminated string");
                }
                out.add(sb.toString());
                i = end + 1;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1;
                if (end < s.length() && s.charAt(end) == '=') {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "()=!<>:\"".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        final String text;
        int pos;

        Parser(List<String> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        Predicate<Message> or() {
            Predicate<Message> left = and();
            while ("OR".equals(peek())) {
                pos++;
                left = left.or(and());
            }
            return left;
        }

        Predicate<Message> and() {
            Predicate<Message> left = unary();
            while (peek() != null && !"OR".equals(peek()) && !")".equals(peek())) {
                if ("AND".equals(peek())) {
                    pos++;
                }
                left = left.and(unary());
            }
            return left;
        }

        Predicate<Message> unary() {
            String t = peek();
            if (t == null) {
                throw invalid(text, "expression expected");
            }
            if ("NOT".equals(t) || "-".equals(t)) {
                pos++;
                return unary().negate();
            }
            if ("(".equals(t)) {
                pos++;
                Predicate<Message> inner = or();
                if (!")".equals(peek())) {
                    throw invalid(text, "missing ')'");
                }
                pos++;
                return inner;
            }
            return comparison();
        }

        Predicate<Message> comparison() {
            String field = tokens.get(pos++);
            String op = peek();
            if (op == null) {
                throw invalid(text, "operator expected after " + field);
            }
            pos++;
            String raw = peek();
            if (raw == null || ")".equals(raw)) {
                throw invalid(text, "value expected after " + field + " " + op);
            }
            pos++;
            boolean quoted = raw.startsWith("\"");
            String value = quoted ? raw.substring(1) : raw;
            String[] path = field.split("\\.");
            return switch (op.toLowerCase(Locale.ROOT)) {
                case "eq" -> regex(path, value, false);
                case "ne" -> regex(path, value, true);
                case "=" -> m -> values(m, path).stream().anyMatch(v -> wildcard(value, v));
                case "!=" -> m -> values(m, path).stream().noneMatch(v -> wildcard(value, v));
                case ":" -> m -> values(m, path).stream().anyMatch(v -> "*".equals(value) || wildcard(value, v)
                        || v.contains(value));
                case "<", ">", "<=", ">=" -> m -> values(m, path).stream().anyMatch(v -> ordered(op, v, value));
                default -> throw invalid(text, "unknown operator " + op);
            };
        }

        Predicate<Message> regex(String[] path, String value, boolean negate) {
            Pattern p;
            try {
                p = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw invalid(text, "bad regular expression " + value);
            }
            Predicate<Message> match = m -> values(m, path).stream().anyMatch(v -> p.matcher(v).matches());
            return negate ? match.negate() : match;
        }
    }

    private static boolean wildcard(String pattern, String value) {
        if (!pattern.contains("*")) {
            return pattern.equals(value);
        }
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            re.append(Pattern.quote(part)).append(".*");
        }
        return value.matches(re.substring(0, re.length() - 2));
    }

    private static boolean ordered(String op, String v, String value) {
        int c;
        try {
            c = Double.compare(Double.parseDouble(v), Double.parseDouble(value));
        } catch (NumberFormatException e) {
            c = v.compareTo(value);
        }
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    /** The values a field path reaches in a message (several through repeated fields). */
    static List<String> values(Message m, String[] path) {
        List<String> out = new ArrayList<>();
        collect(m, path, 0, out);
        return out;
    }

    private static void collect(Object node, String[] path, int i, List<String> out) {
        if (i == path.length) {
            if (node instanceof Message) {
                return;
            }
            out.add(String.valueOf(node));
            return;
        }
        if (!(node instanceof Message msg)) {
            return;
        }
        FieldDescriptor f = field(msg, path[i]);
        if (f == null) {
            return;
        }
        if (f.isMapField()) {
            if (i + 1 < path.length) {
                for (Object e : (List<?>) msg.getField(f)) {
                    MapEntry<?, ?> entry = (MapEntry<?, ?>) e;
                    if (path[i + 1].equals(String.valueOf(entry.getKey()))) {
                        collect(entry.getValue(), path, i + 2, out);
                    }
                }
            }
            return;
        }
        if (f.isRepeated()) {
            for (Object e : (List<?>) msg.getField(f)) {
                collect(e, path, i + 1, out);
            }
        } else if (!f.hasPresence() || msg.hasField(f)) {
            collect(msg.getField(f), path, i + 1, out);
        }
    }

    private static FieldDescriptor field(Message m, String jsonName) {
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            if (f.getJsonName().equals(jsonName) || f.getName().equals(jsonName)) {
                return f;
            }
        }
        return null;
    }
}
