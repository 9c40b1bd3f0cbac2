package io.skyport.gce.service;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.Test;

/** Resource names from core names: the single-pass slug gives what the regex rule it replaced gave. */
public class CatalogSlugTest {
    private static String byRegexes(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.matches("[a-z].*") ? s : "x-" + s;
    }

    @Test
    public void slugsAsTheRegexRuleDid() {
        for (String name : List.of("Small Instance", "ROOT-1234", "DATA_disk 2", "  --Medium  Instance--  ", "2CPU",
                "-9 lives", "", "---", "Größe Ä", "İstanbul", "a", "Z", "vm.web.01", "tab\tand\nnewline",
                "emoji \uD83D\uDE00 disk")) {
            assertEquals(name, byRegexes(name), Catalog.slug(name));
        }
    }

    @Test
    public void examples() {
        assertEquals("small-instance", Catalog.slug("Small Instance"));
        assertEquals("root-1234", Catalog.slug("ROOT-1234"));
        assertEquals("x-2cpu", Catalog.slug("2CPU"));
        assertEquals("x-", Catalog.slug("--"));
    }
}
