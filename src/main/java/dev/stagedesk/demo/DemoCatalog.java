package dev.stagedesk.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/** Names and places the generator draws from. Cities are real, with their coordinates. */
final class DemoCatalog {
    record City(String name, String country, double lat, double lon, String zone) {
    }

    static final List<City> CITIES = List.of(
            new City("Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin"),
            new City("Hamburg", "DE", 53.5511, 9.9937, "Europe/Berlin"),
            new City("Munich", "DE", 48.1351, 11.5820, "Europe/Berlin"),
            new City("Cologne", "DE", 50.9375, 6.9603, "Europe/Berlin"),
            new City("Frankfurt", "DE", 50.1109, 8.6821, "Europe/Berlin"),
            new City("Vienna", "AT", 48.2082, 16.3738, "Europe/Vienna"),
            new City("Zurich", "CH", 47.3769, 8.5417, "Europe/Zurich"),
            new City("Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam"),
            new City("Rotterdam", "NL", 51.9244, 4.4777, "Europe/Amsterdam"),
            new City("Brussels", "BE", 50.8503, 4.3517, "Europe/Brussels"),
            new City("Paris", "FR", 48.8566, 2.3522, "Europe/Paris"),
            new City("Lyon", "FR", 45.7640, 4.8357, "Europe/Paris"),
            new City("Marseille", "FR", 43.2965, 5.3698, "Europe/Paris"),
            new City("London", "GB", 51.5074, -0.1278, "Europe/London"),
            new City("Manchester", "GB", 53.4808, -2.2426, "Europe/London"),
            new City("Edinburgh", "GB", 55.9533, -3.1883, "Europe/London"),
            new City("Dublin", "IE", 53.3498, -6.2603, "Europe/Dublin"),
            new City("Madrid", "ES", 40.4168, -3.7038, "Europe/Madrid"),
            new City("Barcelona", "ES", 41.3874, 2.1686, "Europe/Madrid"),
            new City("Lisbon", "PT", 38.7223, -9.1393, "Europe/Lisbon"),
            new City("Milan", "IT", 45.4642, 9.1900, "Europe/Rome"),
            new City("Rome", "IT", 41.9028, 12.4964, "Europe/Rome"),
            new City("Copenhagen", "DK", 55.6761, 12.5683, "Europe/Copenhagen"),
            new City("Stockholm", "SE", 59.3293, 18.0686, "Europe/Stockholm"),
            new City("Oslo", "NO", 59.9139, 10.7522, "Europe/Oslo"),
            new City("Prague", "CZ", 50.0755, 14.4378, "Europe/Prague"),
            new City("Warsaw", "PL", 52.2297, 21.0122, "Europe/Warsaw"),
            new City("Kraków", "PL", 50.0647, 19.9450, "Europe/Warsaw"),
            new City("Budapest", "HU", 47.4979, 19.0402, "Europe/Budapest"),
            new City("New York", "US", 40.7128, -74.0060, "America/New_York"),
            new City("Chicago", "US", 41.8781, -87.6298, "America/Chicago"),
            new City("Los Angeles", "US", 34.0522, -118.2437, "America/Los_Angeles"),
            new City("Toronto", "CA", 43.6532, -79.3832, "America/Toronto"),
            new City("Montréal", "CA", 45.5017, -73.5673, "America/Toronto"));

    static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo",
            "Ida", "Jonas", "Karla", "Leon", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Samuel", "Tara", "Umar",
            "Vera", "William", "Zoë", "Chloé", "José", "Søren", "Zoltán", "Ines", "Marek", "Aoife", "Lukas", "Sofia");
    static final List<String> LAST = List.of("Müller", "Schmidt", "Dubois", "Rossi", "García", "Smith", "Jones",
            "Novák", "Kowalski", "Jensen", "Andersson", "Murphy", "Silva", "Bianchi", "Martin", "Weber", "Fischer",
            "Becker", "Hoffmann", "Lefèvre", "Moreau", "Brown", "Taylor", "Nagy", "Horváth", "O'Brien", "Kim");
    static final List<String> COMPANY_STEMS = List.of("Northwind", "Bluebird", "Silverline", "Evergreen",
            "Lighthouse", "Redwood", "Cobalt", "Harbor", "Summit", "Aurora", "Meridian", "Oakridge", "Pioneer",
            "Starlight", "Riverside", "Granite", "Velvet", "Copper", "Juniper", "Atlas");
    static final List<String> COMPANY_KINDS = List.of("Events", "Consulting", "Hotels", "Weddings", "Media",
            "Foods", "Logistics", "Bank", "Studios", "Festivals", "Group", "Partners");
    static final List<String> VENUE_KINDS = List.of("Grand Hotel", "Loft", "Ballroom", "Club", "Garden",
            "Concert Hall", "Rooftop", "Gallery", "Castle", "Brewery", "Theatre", "Conference Centre");
    static final List<String> STREETS = List.of("Main Street", "Harbour Road", "Station Square", "Park Avenue",
            "Market Place", "Church Lane", "River Walk", "Castle Hill", "Garden Row", "Mill Street");
    static final List<String> ADJECTIVES = List.of("Electric", "Velvet", "Golden", "Midnight", "Neon", "Silver",
            "Wild", "Brass", "Crimson", "Lucky", "Cosmic", "Urban", "Royal", "Funky", "Blue");
    static final List<String> NOUNS = List.of("Foxes", "Orchestra", "Collective", "Beats", "Quartet", "Circus",
            "Brothers", "Sisters", "Project", "Ensemble", "Groove", "Jugglers", "Voices", "Sound", "Acrobats");
    static final List<String> ACTS = List.of("Band", "DJ", "Singer", "Magician", "Juggler", "Comedian",
            "String quartet", "Dancer", "Fire performer", "Celebrity appearance", "MC", "Acrobat");
    static final List<String> GENRES = List.of("Jazz", "Pop", "Rock", "Soul", "House", "Techno", "Classical",
            "Latin", "Swing", "Folk", "Hip hop", "Disco");
    /** An kind of event and the days of the year it takes place (inclusive, month-day; all year when null). */
    record EventType(String name, MonthDay from, MonthDay to) {
        boolean on(LocalDate day) {
            if (from == null) {
                return true;
            }
            MonthDay d = MonthDay.from(day);
            return from.isBefore(to) ? !d.isBefore(from) && !d.isAfter(to) : !d.isBefore(from) || !d.isAfter(to);
        }
    }

    private static EventType allYear(String name) {
        return new EventType(name, null, null);
    }

    private static EventType season(String name, int fromMonth, int fromDay, int toMonth, int toDay) {
        return new EventType(name, MonthDay.of(fromMonth, fromDay), MonthDay.of(toMonth, toDay));
    }

    /** Seasonal kinds only in their season: Christmas parties from late November to Christmas, festivals in summer. */
    static final List<EventType> EVENT_TYPES = List.of(allYear("Wedding"), allYear("Corporate party"),
            allYear("Birthday"), allYear("Gala dinner"), allYear("Product launch"), allYear("Private meeting"),
            allYear("Conference"), season("Christmas party", 11, 20, 12, 23), season("Festival", 5, 15, 9, 15),
            season("Street festival", 6, 1, 9, 10), season("Summer garden party", 6, 1, 8, 31),
            season("New Year's Eve gala", 12, 31, 12, 31), season("Carnival party", 2, 1, 2, 28),
            season("Oktoberfest night", 9, 16, 10, 6));

    /** The kinds of event that take place on {@code day}; the all-year kinds when the date is still open (null). */
    static List<String> eventTypesOn(LocalDate day) {
        return EVENT_TYPES.stream().filter(t -> day == null ? t.from() == null : t.on(day)).map(EventType::name)
                .toList();
    }

    /** Mail providers of private clients (reserved example domains). */
    static final List<String> MAIL_DOMAINS = List.of("example.com", "example.org", "example.net", "mail.example",
            "post.example", "inbox.example");
    static final List<String> PAYMENT_METHODS = List.of("BANK_TRANSFER", "CARD", "CASH");
    static final List<String> EXPENSE_CATEGORIES = List.of("Travel", "Equipment", "Accommodation", "Meals");

    record Overhead(String category, String vendor, long monthlyMinor) {
    }

    static final List<Overhead> OVERHEADS = List.of(new Overhead("Rent", "City Properties Ltd", 180_000),
            new Overhead("Software", "Cloud Office Suite", 12_900), new Overhead("Marketing", "Social Ads", 45_000),
            new Overhead("Insurance", "Event Insurance Co", 21_000));

    private DemoCatalog() {
    }
}
