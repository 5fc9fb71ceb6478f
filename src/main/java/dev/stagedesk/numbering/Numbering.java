package dev.stagedesk.numbering;

import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The one numbering service for human numbers (bookings now; invoices and credit notes later): gapless and
 * unique per series and period, because the counter row is locked FOR UPDATE inside the caller's transaction
 * and a rolled-back transaction takes its number back with it. The sync issue extends this for offline
 * devices (a device prefix or a block of numbers) without changing its callers.
 */
public final class Numbering {
    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(0+))?}");

    private static final int RACE_ATTEMPTS = 40;

    private Numbering() {
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * (attempt + 1), 100L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a number", e);
        }
    }

    /** The next number of {@code series} in {@code period} (a year), within the caller's transaction. */
    public static long next(DSLContext tx, String series, int period) {
        for (int attempt = 0; ; attempt++) {
            Long last = tx.select(NUMBER_SEQUENCE.LAST_VALUE).from(NUMBER_SEQUENCE)
                    .where(NUMBER_SEQUENCE.SERIES.eq(series), NUMBER_SEQUENCE.PERIOD.eq(period))
                    .forUpdate().fetchOne(NUMBER_SEQUENCE.LAST_VALUE);
            if (last != null) {
                tx.update(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.LAST_VALUE, last + 1)
                        .where(NUMBER_SEQUENCE.SERIES.eq(series), NUMBER_SEQUENCE.PERIOD.eq(period)).execute();
                return last + 1;
            }
            try {
                tx.insertInto(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.SERIES, series).set(NUMBER_SEQUENCE.PERIOD, period)
                        .set(NUMBER_SEQUENCE.LAST_VALUE, 1L).execute();
                return 1;
            } catch (DataAccessException raced) {
                // another writer created the row first, in a transaction that may not have committed yet: the
                // row becomes visible (and lockable) once it does, so read it again after a short pause
                if (attempt >= RACE_ATTEMPTS) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    /**
     * The next human number of a series, rendered: final and gapless on a desktop that does not sync and on the
     * sync endpoint; on a desktop that syncs, provisional with the device's number ({@code BK-2026-P7-0003}, its
     * own gapless series), until the endpoint runs the same command and gives it its final number.
     */
    public static String assign(DSLContext tx, String series, String pattern, int year) {
        Integer device = tx.select(SYNC_STATE.DEVICE_NO).from(SYNC_STATE).fetchOne(SYNC_STATE.DEVICE_NO);
        if (device == null) {
            return format(pattern, year, next(tx, series, year));
        }
        return format(provisionalPattern(pattern, device), year, next(tx, series + "#P" + device, year));
    }

    /** The pattern of a device's provisional numbers: the sequence becomes {@code P<device>-<4 digits>}. */
    static String provisionalPattern(String pattern, int device) {
        Matcher m = SEQ.matcher(pattern);
        return m.find() ? pattern.substring(0, m.start()) + "P" + device + "-{seq:0000}" + pattern.substring(m.end())
                : pattern + "-P" + device + "-{seq:0000}";
    }

    /** Whether a number was given offline and waits for its final one ({@code P<device>-} in it). */
    public static boolean provisional(String number) {
        return number != null && PROVISIONAL.matcher(number).find();
    }

    private static final Pattern PROVISIONAL = Pattern.compile("(^|[^A-Za-z0-9])P\\d+-\\d+");

    /** Renders a pattern such as {@code BK-{yyyy}-{seq:000000}}: the year and the number padded with zeros. */
    public static String format(String pattern, int year, long seq) {
        String withYear = pattern.replace("{yyyy}", String.format("%04d", year)).replace("{yy}",
                String.format("%02d", year % 100));
        Matcher m = SEQ.matcher(withYear);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : m.group(1).length();
            m.appendReplacement(out, String.format("%0" + width + "d", seq));
        }
        m.appendTail(out);
        return out.toString();
    }
}
