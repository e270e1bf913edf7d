-- The demo members of Xofi Recaudo (fictitious people), loaded by DemoDataSeeder into an empty
-- database only. Installments are monthly, on the day of the first due date.

INSERT INTO partner (code, dni, first_names, last_names, birth_date, phone, email, address, status) VALUES
    ('SOC-0001', '12345678', 'María Elena', 'Quispe Huamán', DATE '1990-05-14', '51987654321',
     'maria.quispe@example.pe', 'Av. Arequipa 1234, Lima', 'ACTIVE'),
    ('SOC-0002', '87654321', 'José Luis', 'Mamani Condori', DATE '1985-11-02', '51912345678',
     'jose.mamani@example.pe', 'Jr. Junín 456, Cusco', 'ACTIVE'),
    ('SOC-0003', '44556677', 'Rosa', 'Flores Ccori', DATE '1972-03-30', '51955566677',
     NULL, NULL, 'ACTIVE');

INSERT INTO loan (partner_id, code, product, principal, annual_rate, term_months, disbursed_on, status)
SELECT p.id, l.code, l.product, l.principal, l.annual_rate, l.term_months, l.disbursed_on, l.status
FROM (VALUES
    ('SOC-0001', 'PR-1001', 'Crédito personal',      6000.00, 18.00, 12, DATE '2026-05-15', 'ACTIVE'),
    ('SOC-0001', 'PR-1002', 'Crédito de emergencia', 1200.00, 12.00,  6, DATE '2025-12-10', 'PAID_OFF'),
    ('SOC-0002', 'PR-2001', 'Crédito MYPE',         15000.00, 22.00, 24, DATE '2026-01-05', 'ACTIVE')
) AS l (partner_code, code, product, principal, annual_rate, term_months, disbursed_on, status)
JOIN partner p ON p.code = l.partner_code;

-- installments 1..term of each loan, the first paid_count of them paid in full on their due date
INSERT INTO installment (loan_id, number, due_date, amount, paid_amount, paid_on)
SELECT l.id, n, s.due_date, s.amount,
       CASE WHEN n <= s.paid_count THEN s.amount ELSE 0 END,
       CASE WHEN n <= s.paid_count THEN s.due_date END
FROM (VALUES
    ('PR-1001', DATE '2026-06-15', 550.00, 4),
    ('PR-1002', DATE '2026-01-10', 210.00, 6),
    ('PR-2001', DATE '2026-02-05', 780.00, 6)
) AS f (loan_code, first_due_date, amount, paid_count)
JOIN loan l ON l.code = f.loan_code
CROSS JOIN LATERAL generate_series(1, l.term_months) AS n
CROSS JOIN LATERAL (
    SELECT (f.first_due_date + (n - 1) * INTERVAL '1 month')::date AS due_date, f.amount, f.paid_count
) AS s;
