-- +goose Up
-- Search finds a good practice by the name of the city that owns it
-- ("gdansk" finds Gdańsk's practices, as the matrix shows them under
-- Gdańsk): the owner's name leads the practice's searchable body, kept
-- current when the practice moves to another owner or the partner is
-- renamed. Nothing else changes.
DROP TRIGGER search_good_practices_ai;
DROP TRIGGER search_good_practices_au;

-- +goose StatementBegin
CREATE TRIGGER search_good_practices_ai AFTER INSERT ON good_practices BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('practice', new.id, COALESCE(new.network_id, ''), new.title,
        COALESCE((SELECT name FROM partners WHERE id = new.owner_partner_id), '') || ' ' || new.outside_city || ' ' || new.outside_country || ' ' || new.description);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_good_practices_au AFTER UPDATE OF title, owner_partner_id, outside_city, outside_country, description ON good_practices BEGIN
    UPDATE search_docs SET title = new.title,
        body = COALESCE((SELECT name FROM partners WHERE id = new.owner_partner_id), '') || ' ' || new.outside_city || ' ' || new.outside_country || ' ' || new.description
    WHERE kind = 'practice' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_practice_owner_au AFTER UPDATE OF name ON partners BEGIN
    UPDATE search_docs SET body = new.name || ' ' || (SELECT g.outside_city || ' ' || g.outside_country || ' ' || g.description FROM good_practices g WHERE g.id = search_docs.ref_id)
    WHERE kind = 'practice' AND ref_id IN (SELECT id FROM good_practices WHERE owner_partner_id = new.id);
END;
-- +goose StatementEnd

UPDATE search_docs SET body = COALESCE((SELECT name FROM partners WHERE id = g.owner_partner_id), '') || ' ' || g.outside_city || ' ' || g.outside_country || ' ' || g.description
    FROM good_practices g WHERE search_docs.kind = 'practice' AND search_docs.ref_id = g.id;

-- +goose Down
DROP TRIGGER search_practice_owner_au;
DROP TRIGGER search_good_practices_ai;
DROP TRIGGER search_good_practices_au;
-- +goose StatementBegin
CREATE TRIGGER search_good_practices_ai AFTER INSERT ON good_practices BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('practice', new.id, COALESCE(new.network_id, ''), new.title, new.outside_city || ' ' || new.outside_country || ' ' || new.description);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_good_practices_au AFTER UPDATE OF title, outside_city, outside_country, description ON good_practices BEGIN
    UPDATE search_docs SET title = new.title, body = new.outside_city || ' ' || new.outside_country || ' ' || new.description WHERE kind = 'practice' AND ref_id = new.id;
END;
-- +goose StatementEnd
UPDATE search_docs SET body = g.outside_city || ' ' || g.outside_country || ' ' || g.description
    FROM good_practices g WHERE search_docs.kind = 'practice' AND search_docs.ref_id = g.id;
