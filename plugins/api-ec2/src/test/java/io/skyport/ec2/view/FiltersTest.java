package io.skyport.ec2.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.util.List;
import java.util.function.Predicate;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

public class FiltersTest {
    record Item(String id, String state, List<String> groups, List<Tag> tags) {
    }

    private static final Filters<Item> FILTERS = new Filters<Item>().on("instance-id", Item::id)
            .on("instance-state-name", Item::state).onEach("group-id", Item::groups).tags(Item::tags);

    private static final Item WEB = new Item("i-1", "running", List.of("sg-a", "sg-b"),
            List.of(Tag.builder().key("Name").value("web-1").build(), Tag.builder().key("env").value("prod").build()));
    private static final Item DB = new Item("i-2", "stopped", List.of("sg-c"), List.of());

    private static Predicate<Item> match(Filter... filters) {
        return FILTERS.matcher(List.of(filters));
    }

    private static Filter f(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    public void anyValueOfAFilterMatchesAndEveryFilterMustMatch() {
        assertTrue(match(f("instance-state-name", "stopped", "running")).test(WEB));
        assertFalse(match(f("instance-state-name", "running"), f("instance-id", "i-2")).test(WEB));
        assertTrue(match(f("group-id", "sg-b")).test(WEB));
        assertFalse(match(f("group-id", "sg-b")).test(DB));
        assertTrue("no filters match everything", match().test(DB));
    }

    @Test
    public void tagsMatchByKeyAndValueWithWildcards() {
        assertTrue(match(f("tag:Name", "web-*")).test(WEB));
        assertTrue(match(f("tag:Name", "web-?")).test(WEB));
        assertFalse(match(f("tag:Name", "web-??")).test(WEB));
        assertFalse(match(f("tag:Name", "web")).test(WEB));
        assertTrue(match(f("tag-key", "env")).test(WEB));
        assertTrue(match(f("tag-value", "prod")).test(WEB));
        assertFalse(match(f("tag:env", "*")).test(DB));
    }

    @Test
    public void wildcardCharactersCanBeEscapedAndRegexCharactersAreLiteral() {
        assertTrue(Filters.wildcard("a\\*b").matcher("a*b").matches());
        assertFalse(Filters.wildcard("a\\*b").matcher("axb").matches());
        assertTrue(Filters.wildcard("1.2.3.4").matcher("1.2.3.4").matches());
        assertFalse(Filters.wildcard("1.2.3.4").matcher("1x2x3x4").matches());
    }

    @Test
    public void anUnsupportedFilterIsRefusedByName() {
        try {
            match(f("colour", "blue"));
            fail("an unknown filter was accepted");
        } catch (Ec2Exception e) {
            assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
            assertTrue(e.getMessage(), e.getMessage().contains("colour"));
        }
    }
}
