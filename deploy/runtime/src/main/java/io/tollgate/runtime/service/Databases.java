package io.tollgate.runtime.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Pattern;

/** Creates the databases the platform's parts own, on an embedded or an external server. */
public final class Databases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private Databases() {
    }

    public static void ensure(String jdbcBaseUrl, String user, String password, Collection<String> names)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcBaseUrl + "/postgres", user, password)) {
            for (String name : names) {
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("unsafe database name: " + name);
                }
                try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        }
    }
}
