package org.linyunzhi.grid.internal;

/** No node with this code, or one the caller's data scope does not reach (answered alike: 404). */
class NodeNotFoundException extends RuntimeException {

    final String code;

    NodeNotFoundException(String code) {
        super("no region node " + code);
        this.code = code;
    }
}
