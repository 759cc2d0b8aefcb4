import { createId } from '../../auth/tokens'
import type { UserRole } from '../../../conference/model'
import type { Db } from '../connect'
import type { User } from '../schema'

export async function createUser(
  db: Db,
  input: { email: string; name: string; role: UserRole; passwordHash: string | null },
): Promise<User> {
  const user: User = {
    id: createId(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    role: input.role,
    password_hash: input.passwordHash,
    created_at: new Date().toISOString(),
  }
  await db.insertInto('users').values(user).execute()
  return user
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}
