package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped towns: the town an address names, read from its end, without case or accents, by other names too. */
class GazetteerTest {
    static final Gazetteer TOWNS = Gazetteer.shipped();

    private static String town(String address) {
        return TOWNS.inAddress(address).map(Gazetteer.City::text).orElse("none");
    }

    @Test
    void theShippedListIsLargestFirstWithPlausibleCentres() {
        var all = TOWNS.byPopulation();
        assertThat(all).hasSizeGreaterThan(20_000);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).population()).isLessThanOrEqualTo(all.get(i - 1).population());
        }
        Gazetteer.City hamburg = TOWNS.inAddress("Hamburg").orElseThrow();
        assertThat(hamburg.point().km(new GeoPoint(53.55, 10.0))).isLessThan(3);
    }

    @Test
    void theTownIsFoundAfterTheStreetIgnoringPostcodesCaseAndAccents() {
        assertThat(town("Elbchaussee 1, 22763 Hamburg")).isEqualTo("Hamburg (DE)");
        assertThat(town("Frankfurter Allee 5, 10247 BERLIN")).isEqualTo("Berlin (DE)");
        assertThat(town("Marienplatz 8, 80331 München")).isEqualTo("Munich (DE)");
        assertThat(town("Marienplatz 8, 80331 Muenchen")).isEqualTo("Munich (DE)");
        assertThat(town("marienplatz 8, munchen")).isEqualTo("Munich (DE)");
        assertThat(town("Domkloster 4, 50667 Köln")).isEqualTo("Köln (DE)");
        assertThat(town("Zeil 10, Frankfurt am Main")).isEqualTo("Frankfurt am Main (DE)");
        assertThat(town("Karl-Marx-Straße 1, 15230 Frankfurt (Oder)")).isEqualTo("Frankfurt (Oder) (DE)");
    }

    @Test
    void aCountryCodeDecidesBetweenTownsOfOneNameOtherwiseTheLargerOne() {
        assertThat(town("1 Main St, Paris")).isEqualTo("Paris (FR)");
        assertThat(town("1 Main St, Paris, US")).isEqualTo("Paris (US)");
        assertThat(town("Stephansplatz 1, Vienna, AT")).isEqualTo("Vienna (AT)");
        assertThat(town("Stephansplatz 1, Wien")).isEqualTo("Vienna (AT)");
    }

    @Test
    void noTownNoAnswer() {
        assertThat(TOWNS.inAddress("Hauptstraße 7, 99999 Nirgendwo")).isEqualTo(Optional.empty());
        assertThat(TOWNS.inAddress("")).isEmpty();
        assertThat(TOWNS.inAddress(null)).isEmpty();
    }
}
