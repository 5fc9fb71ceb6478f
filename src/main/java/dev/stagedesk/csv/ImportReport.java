package dev.stagedesk.csv;

import dev.stagedesk.common.I18n;
import java.util.List;

/** What an import did (or, when it has problems, why it wrote nothing). */
public record ImportReport(int created, int updated, List<Problem> problems, boolean dryRun) {

    /** One bad row: its line in the file (1 = header), the column, and what is wrong. */
    public record Problem(int line, String column, String message) {
        @Override
        public String toString() {
            String where = line == 0 ? "" : I18n.tr("csv.line", line) + (column == null ? "" : ", " + column);
            return where.isEmpty() ? message : where + ": " + message;
        }
    }

    static ImportReport failed(List<Problem> problems) {
        return new ImportReport(0, 0, List.copyOf(problems), false);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
