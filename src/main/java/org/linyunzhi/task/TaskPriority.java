package org.linyunzhi.task;

public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}
