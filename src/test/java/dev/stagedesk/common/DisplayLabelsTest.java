package dev.stagedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Display.CodeSet;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every status, kind and method shown to people has a label in the bundle; no screen shows a raw code. */
class DisplayLabelsTest {
    /** The Java enums whose values appear on screen (through {@link Display#label(Enum)}). */
    static final List<Class<? extends Enum<?>>> SHOWN_ENUMS = List.of(ClientKind.class,
            Role.class);

    @Test
    void everyCodeOfEveryCodeSetHasALabel() {
        Set<String> missing = new TreeSet<>();
        for (CodeSet set : CodeSet.values()) {
            for (String code : set.codes()) {
                if (!Display.hasLabel(set.name(), code)) {
                    missing.add(Display.key(set.name(), code));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueOfEveryEnumShownHasALabel() {
        Set<String> missing = new TreeSet<>();
        for (Class<? extends Enum<?>> type : SHOWN_ENUMS) {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!Display.hasLabel(type.getSimpleName(), value.name())) {
                    missing.add(Display.key(type.getSimpleName(), value.name()));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void codeSetsHoldEveryCodeTheServicesAccept() {
        assertThat(CodeSet.PaymentMethod.codes()).containsAll(PaymentService.METHODS)
                .containsAll(Arrays.asList(ExpenseService.METHODS.split(";")))
                .containsAll(Arrays.asList(AssignmentService.PAYOUT_METHODS.split(";")));
        assertThat(CodeSet.PaymentKind.codes()).containsAll(PaymentService.KINDS);
        assertThat(CodeSet.InquirySource.codes()).containsAll(InquiryService.SOURCES);
    }

    /** Each CHECK (column IN (...)) of the store's migrations is covered by one code set, so no stored code is unlabelled. */
    @Test
    void everyCodeTheStoreAllowsIsInACodeSet() throws IOException {
        Pattern check = Pattern.compile("CHECK \\((\\w+) IN \\(([^)]*)\\)\\)");
        List<String> uncovered = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = check.matcher(Files.readString(f));
                while (m.find()) {
                    List<String> codes = Arrays.stream(m.group(2).split(","))
                            .map(s -> s.strip().replace("'", "")).toList();
                    boolean covered = Arrays.stream(CodeSet.values()).anyMatch(s -> s.codes().containsAll(codes))
                            || SHOWN_ENUMS.stream().anyMatch(e -> Arrays.stream(e.getEnumConstants())
                            .map(Enum::name).toList().containsAll(codes))
                            // language codes are shown by the language's own name (Language.endonym), not a label
                            || Language.codes().containsAll(codes);
                    if (!covered) {
                        uncovered.add(m.group(1) + " " + codes);
                    }
                }
            }
        }
        assertThat(uncovered).isEmpty();
    }

    @Test
    void labelReadsTheBundleAndFallsBackToWords() {
        assertThat(Display.label(CodeSet.PaymentMethod, "BANK_TRANSFER")).isEqualTo("Bank transfer");
        assertThat(Display.label(CodeSet.PaymentMethod, "CHEQUE")).isEqualTo("Cheque");
        assertThat(Display.label(Role.ACCOUNTANT)).isEqualTo("Accountant");
        assertThat(Display.label(CodeSet.PaymentMethod, "CARRIER_PIGEON")).isEqualTo("Carrier pigeon");
        assertThat(Display.label(CodeSet.PaymentMethod, null)).isEmpty();
    }

    /** No code outside Display turns a code into words by itself (the old Format.enumLabel path is gone). */
    @Test
    void noScreenHumanizesCodesItself() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.contains("enumLabel(") || text.contains(".replace('_', ' ')") && !f.endsWith("Display.java")
                        && !f.endsWith("AuditDescriber.java")) {
                    offenders.add(f.getFileName().toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
