package org.hackablemail.storage.cassandra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One of the bundle's tables: its columns with their CQL types, its primary key and options. {@link CassandraSchema}
 * creates it when it is missing and checks it when it exists.
 *
 * @param name          without the configured prefix
 * @param columns       column name to CQL type, {@code static} columns marked so ({@code "bigint static"})
 * @param partitionKey  the partition key's columns
 * @param clustering    the clustering columns, in order
 * @param options       what follows {@code WITH}, or empty
 */
public record CassandraTable(String name, Map<String, String> columns, List<String> partitionKey, List<String> clustering,
                             String options) {
    private static final String STATIC = " static";

    public CassandraTable {
        columns = new LinkedHashMap<>(columns);
        partitionKey = List.copyOf(partitionKey);
        clustering = List.copyOf(clustering);
    }

    /** Starts a definition: {@code CassandraTable.named("vars").column("owner", "text")...}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    String createStatement(String qualifiedName) {
        String columnList = columns.entrySet().stream()
            .map(column -> column.getKey() + " " + column.getValue())
            .collect(Collectors.joining(", "));
        String key = "(" + String.join(", ", partitionKey) + ")"
            + (clustering.isEmpty() ? "" : ", " + String.join(", ", clustering));
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (" + columnList + ", PRIMARY KEY (" + key + "))"
            + (options.isEmpty() ? "" : " WITH " + options);
    }

    /** The column's CQL type without {@code static}. */
    static String typeOf(String declaration) {
        return declaration.endsWith(STATIC) ? declaration.substring(0, declaration.length() - STATIC.length()) : declaration;
    }

    /** The column's kind as {@code system_schema.columns} names it. */
    String kindOf(String column) {
        if (partitionKey.contains(column)) {
            return "partition_key";
        }
        if (clustering.contains(column)) {
            return "clustering";
        }
        return columns.get(column).endsWith(STATIC) ? "static" : "regular";
    }

    public static final class Builder {
        private final String name;
        private final Map<String, String> columns = new LinkedHashMap<>();
        private List<String> partitionKey = List.of();
        private List<String> clustering = List.of();
        private String options = "";

        private Builder(String name) {
            this.name = name;
        }

        public Builder column(String column, String type) {
            columns.put(column, type);
            return this;
        }

        public Builder partitionKey(String... columns) {
            partitionKey = List.of(columns);
            return this;
        }

        public Builder clustering(String... columns) {
            clustering = List.of(columns);
            return this;
        }

        public Builder with(String options) {
            this.options = options;
            return this;
        }

        public CassandraTable build() {
            return new CassandraTable(name, columns, partitionKey, clustering, options);
        }
    }
}
