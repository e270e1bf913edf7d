package pe.xofi.chat.ingress.web;

/**
 * The body of every error answer: what went wrong and the HTTP status, e.g. {@code {"error":"invalid
 * JSON: ...","status":400}}.
 */
public record JsonError(String error, int status) {}
