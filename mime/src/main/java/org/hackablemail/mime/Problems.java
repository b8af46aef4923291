package org.hackablemail.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one snapshot: one entry per kind and part, however often it occurs (a broken base64 part warns at
 * every bad byte), and at most {@value #MAX} entries, so that crafted mail cannot make the list itself large.
 */
final class Problems {
    static final int MAX = 100;

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long leftOut;

    private static final class Entry {
        private final Problem first;
        private long count = 1;

        Entry(Problem first) {
            this.first = first;
        }

        Problem problem() {
            return count == 1 ? first
                : new Problem(first.code(), first.part(), first.detail() + " (" + count + " times)");
        }
    }

    void add(Problem.Code code, String part, String detail) {
        Entry entry = entries.get(code + " " + part);
        if (entry != null) {
            entry.count++;
        } else if (entries.size() < MAX) {
            entries.put(code + " " + part, new Entry(new Problem(code, part, detail)));
        } else {
            leftOut++;
        }
    }

    List<Problem> list() {
        List<Problem> problems = new ArrayList<>(entries.size() + 1);
        entries.values().forEach(entry -> problems.add(entry.problem()));
        if (leftOut > 0) {
            problems.add(new Problem(Problem.Code.MORE_PROBLEMS, "1", leftOut + " more problems not listed"));
        }
        return problems;
    }
}
