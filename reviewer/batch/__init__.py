"""reviewer/batch"""
