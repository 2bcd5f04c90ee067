package org.linyunzhi.registry.internal;

/**
 * Why one row cannot be imported, by row number as Excel shows it and column header key.
 *
 * @param column the column's name (ImportKind), or null for the whole row
 * @param code   the message key, e.g. registry.row.idChecksum
 */
record RowProblem(int row, String column, String code, Object[] args) {
}
