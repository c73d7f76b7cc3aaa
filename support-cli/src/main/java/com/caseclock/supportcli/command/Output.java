package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Prints answers: pretty JSON, or an aligned text table of chosen fields. */
final class Output {

    /** Pretty-printing mapper. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final int MAX_CELL = 48;

    private Output() {
    }

    /** Prints the JSON document, indented. */
    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not print JSON", e);
        }
        out.flush();
    }

    /**
     * One column of a table.
     *
     * @param header   its heading
     * @param field    the field of each row object shown in it
     * @param truncate whether long values are cut (the last column is never cut)
     */
    record Column(String header, String field, boolean truncate) {
    }

    /** Prints the rows (an array of objects) as a table; a missing or {@code null} value shows as {@code -}. */
    static void table(PrintWriter out, JsonNode rows, List<Column> columns) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (JsonNode row : rows) {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                Column c = columns.get(i);
                String text = cell(row.path(c.field()));
                cells[i] = c.truncate() && text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** @return the value as one line of text, {@code -} when missing or null */
    static String cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.replaceAll("\\s+", " ");
    }
}
