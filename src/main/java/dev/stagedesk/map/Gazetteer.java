package dev.stagedesk.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Towns and cities of at least 15,000 people (GeoNames, shipped in assets/basemap/cities.tsv.gz), largest first:
 * the offline map's place names, and the offline fallback for an address ({@link #inAddress}), which finds the
 * town an address names and answers with its centre. Names match without case or accents, also by their other
 * names in Latin script (München, Munich, Muenchen).
 */
public final class Gazetteer {
    /** A town: its name, ISO country code, centre and population. */
    public record City(String name, String country, GeoPoint point, int population) {
        public String text() {
            return name + " (" + country + ")";
        }
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}' .\\-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int LONGEST_NAME_WORDS = 4;

    private final List<City> cities;
    private final List<String[]> otherNames;
    private volatile Map<String, List<City>> byName;

    Gazetteer(List<City> cities, List<String[]> otherNames) {
        this.cities = List.copyOf(cities);
        this.otherNames = otherNames;
    }

    /** Read when first asked for (the JVM runs a class's initialiser once, under its own lock). */
    private static final class Shipped {
        static final Gazetteer TOWNS = load();

        private static Gazetteer load() {
            try (InputStream in = Gazetteer.class.getResourceAsStream("basemap/cities.tsv.gz")) {
                if (in == null) {
                    throw new IllegalStateException("basemap missing from the class path: cities.tsv.gz");
                }
                return read(new GZIPInputStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shipped towns, read at the first call (a few tenths of a second) and kept. */
    public static Gazetteer shipped() {
        return Shipped.TOWNS;
    }

    /** Reads the shipped format: name, country, latitude, longitude, population, other names joined by '|'. */
    static Gazetteer read(InputStream in) throws IOException {
        List<City> cities = new ArrayList<>();
        List<String[]> other = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                continue;
            }
            cities.add(new City(f[0], f[1], new GeoPoint(Double.parseDouble(f[2]), Double.parseDouble(f[3])),
                    Integer.parseInt(f[4])));
            other.add(f.length > 5 && !f[5].isEmpty() ? f[5].split("\\|") : new String[0]);
        }
        return new Gazetteer(cities, other);
    }

    /** Every town, largest first (the map labels the first ones that fit). */
    public List<City> byPopulation() {
        return cities;
    }

    /**
     * The town an address names, for an approximate point when the geocoder cannot be asked. The address is read
     * from its end (the town comes after the street): the last comma-separated part naming a town wins; within a
     * part, the longest name; a two-letter part or a country name decides between towns of one name, then the
     * larger town. Postal codes and house numbers are ignored.
     */
    public Optional<City> inAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        Map<String, List<City>> index = index();
        String[] parts = address.split("[,;\\n]");
        Set<String> countries = new HashSet<>();
        for (String p : parts) {
            String t = p.strip();
            if (t.length() == 2 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(1))) {
                countries.add(t.toUpperCase(Locale.ROOT));
            }
        }
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].strip().length() <= 2) {
                continue; // a country code, not a town
            }
            String[] words = words(parts[i]);
            for (int n = Math.min(LONGEST_NAME_WORDS, words.length); n >= 1; n--) {
                City best = null;
                for (int s = 0; s + n <= words.length; s++) {
                    String phrase = String.join(" ", Arrays.copyOfRange(words, s, s + n)).strip();
                    if (phrase.length() < 3) {
                        continue;
                    }
                    for (City c : index.getOrDefault(phrase, List.of())) {
                        if (best == null || better(c, best, countries)) {
                            best = c;
                        }
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean better(City a, City b, Set<String> countries) {
        boolean inA = countries.contains(a.country());
        boolean inB = countries.contains(b.country());
        if (inA != inB) {
            return inA;
        }
        return a.population() > b.population();
    }

    /** Names (and other names) to towns, built at the first lookup. */
    private Map<String, List<City>> index() {
        Map<String, List<City>> m = byName;
        if (m == null) {
            synchronized (this) {
                if (byName == null) {
                    Map<String, List<City>> built = new HashMap<>(cities.size() * 6);
                    for (int i = 0; i < cities.size(); i++) {
                        City c = cities.get(i);
                        Set<String> keys = new HashSet<>();
                        keys.add(key(c.name()));
                        for (String o : otherNames.get(i)) {
                            keys.add(key(o));
                        }
                        for (String k : keys) {
                            built.computeIfAbsent(k, x -> new ArrayList<>(1)).add(c);
                        }
                    }
                    byName = built;
                }
                m = byName;
            }
        }
        return m;
    }

    private static String key(String name) {
        return String.join(" ", words(name)).strip();
    }

    /** The words of a name or an address part, normalised; digits, brackets and other marks separate words. */
    private static String[] words(String text) {
        return normalise(NOT_WORD.matcher(text).replaceAll(" ")).split("[ .\\-]+");
    }

    /** Lower case without accents: "München" and "munchen" are one key (ß → ss, ø → o, æ → ae as well). */
    static String normalise(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
                .replace("ł", "l").replace("đ", "d");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("").strip();
    }
}
