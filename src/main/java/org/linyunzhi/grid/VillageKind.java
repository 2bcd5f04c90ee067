package org.linyunzhi.grid;

/**
 * A village-level node is a residents' committee (社区, codes 001–199) or a villagers' committee
 * (村, codes 200–399), following the statistical division code.
 */
public enum VillageKind {
    COMMUNITY(1, 199),
    VILLAGE(200, 399);

    private final int firstNumber;
    private final int lastNumber;

    VillageKind(int firstNumber, int lastNumber) {
        this.firstNumber = firstNumber;
        this.lastNumber = lastNumber;
    }

    public int firstNumber() {
        return firstNumber;
    }

    public int lastNumber() {
        return lastNumber;
    }
}
