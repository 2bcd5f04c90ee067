package org.linyunzhi.grid.internal;

/**
 * What an import did to the subtree under {@code rootCode}.
 *
 * @param features    features in the upload
 * @param created     nodes that did not exist before
 * @param updated     existing nodes whose name, polygon or parent changed
 * @param removed     stored nodes of the subtree the upload no longer lists (with their rosters)
 * @param treeVersion the tree version after the import
 */
public record ImportResult(String rootCode, int features, int created, int updated, int removed, long treeVersion) {
}
