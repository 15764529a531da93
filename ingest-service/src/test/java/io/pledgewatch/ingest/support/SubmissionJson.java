package io.pledgewatch.ingest.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds submission bodies for tests: {@code aSubmission().withGdp(...).build()}. Categories always sum. */
public final class SubmissionJson {

    private String status = "BUDGET";
    private String currency = "EUR";
    private Object gdp = new BigDecimal("89030000000");
    private BigDecimal total = new BigDecimal("4790000000");
    private BigDecimal equipment;
    private BigDecimal ukraineSupport = BigDecimal.ZERO;
    private BigDecimal criticalInfrastructure = BigDecimal.ZERO;
    private Object usdRate;
    private String note = "test";

    public static SubmissionJson aSubmission() {
        return new SubmissionJson();
    }

    public SubmissionJson withStatus(String status) {
        this.status = status;
        return this;
    }

    public SubmissionJson withCurrency(String currency) {
        this.currency = currency;
        return this;
    }

    public SubmissionJson withGdp(Object gdp) {
        this.gdp = gdp;
        return this;
    }

    public SubmissionJson withTotal(String total) {
        this.total = new BigDecimal(total);
        return this;
    }

    public SubmissionJson withEquipment(String equipment) {
        this.equipment = new BigDecimal(equipment);
        return this;
    }

    public SubmissionJson withUkraineSupport(String amount) {
        this.ukraineSupport = new BigDecimal(amount);
        return this;
    }

    public SubmissionJson withCriticalInfrastructure(String amount) {
        this.criticalInfrastructure = new BigDecimal(amount);
        return this;
    }

    public SubmissionJson withUsdRate(Object rate) {
        this.usdRate = rate;
        return this;
    }

    public SubmissionJson withNote(String note) {
        this.note = note;
        return this;
    }

    /** A body whose categories add up: equipment 25% (or as set), personnel 40%, infrastructure 10%, the rest other. */
    public Map<String, Object> build() {
        BigDecimal eq = equipment != null ? equipment : total.multiply(new BigDecimal("0.25")).setScale(0, java.math.RoundingMode.DOWN);
        BigDecimal personnel = total.multiply(new BigDecimal("0.40")).setScale(0, java.math.RoundingMode.DOWN);
        BigDecimal infra = total.multiply(new BigDecimal("0.10")).setScale(0, java.math.RoundingMode.DOWN);
        BigDecimal other = total.subtract(eq).subtract(personnel).subtract(infra);
        Map<String, Object> defence = new LinkedHashMap<>();
        defence.put("total", total);
        defence.put("equipment", eq);
        defence.put("personnel", personnel);
        defence.put("infrastructure", infra);
        defence.put("other", other);
        defence.put("ukraineSupport", ukraineSupport);
        Map<String, Object> related = new LinkedHashMap<>();
        related.put("criticalInfrastructure", criticalInfrastructure);
        related.put("cyberAndNetworks", 0);
        related.put("civilPreparedness", 0);
        related.put("innovation", 0);
        related.put("industrialBase", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("currency", currency);
        body.put("gdp", gdp);
        body.put("defence", defence);
        body.put("related", related);
        if (usdRate != null) {
            body.put("usdRate", usdRate);
        }
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }
}
