package com.caseclock.bench.pipeline;

/**
 * One line of the result table.
 *
 * @param id       stable key (e.g. {@code s1.rate}), used for ratios and comparisons between runs
 * @param scenario scenario label, e.g. {@code 1 export pipeline}
 * @param figure   what was measured
 * @param value    the measured value, or {@code null} when not measured
 * @param unit     unit of {@code value}
 * @param baseline name and value of the baseline it is compared with, or {@code null}
 * @param ratio    value ÷ baseline value, or {@code null}
 * @param note     why it is not measured, or a remark; may be {@code null}
 */
record Row(String id, String scenario, String figure, Double value, String unit, String baseline, Double ratio,
        String note) {

    static Row of(String id, String scenario, String figure, double value, String unit) {
        return new Row(id, scenario, figure, value, unit, null, null, null);
    }

    static Row notMeasured(String id, String scenario, String figure, String unit, String why) {
        return new Row(id, scenario, figure, null, unit, null, null, why);
    }

    Row withNote(String n) {
        return new Row(id, scenario, figure, value, unit, baseline, ratio, n);
    }

    Row compared(String baselineName, Double baselineValue) {
        if (value == null || baselineValue == null || baselineValue == 0) {
            return new Row(id, scenario, figure, value, unit, baselineName + (baselineValue == null ? " (not measured)"
                    : ""), null, note);
        }
        return new Row(id, scenario, figure, value, unit, baselineName + " = " + Report.num(baselineValue),
                value / baselineValue, note);
    }
}
