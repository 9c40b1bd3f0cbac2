package io.skyport.gce.view;

import static org.junit.Assert.assertEquals;

import io.skyport.gce.GceException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

public class PagesTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 7).boxed().toList();

    @Test
    public void pagesFollowTokensToTheEnd() {
        Pages.Page<Integer> first = Pages.page(ITEMS, 3, null);
        assertEquals(List.of(0, 1, 2), first.items());
        Pages.Page<Integer> second = Pages.page(ITEMS, 3, first.nextPageToken());
        assertEquals(List.of(3, 4, 5), second.items());
        Pages.Page<Integer> last = Pages.page(ITEMS, 3, second.nextPageToken());
        assertEquals(List.of(6), last.items());
        assertEquals("", last.nextPageToken());
    }

    @Test
    public void noMaxResultsMeansFiveHundred() {
        List<Integer> many = IntStream.range(0, 501).boxed().toList();
        assertEquals(500, Pages.page(many, 0, null).items().size());
    }

    @Test(expected = GceException.class)
    public void moreThanFiveHundredIsInvalid() {
        Pages.page(ITEMS, 501, null);
    }

    @Test(expected = GceException.class)
    public void aForeignTokenIsInvalid() {
        Pages.page(ITEMS, 3, "bm90LW91cnM");
    }
}
